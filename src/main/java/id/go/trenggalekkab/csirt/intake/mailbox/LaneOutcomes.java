package id.go.trenggalekkab.csirt.intake.mailbox;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * How a poll's lanes come back together (routes/mailbox-intake.camel.yaml). Every lane runs
 * to its own end: a lane stops at its first failure of the mailbox or the database, but the
 * poll waits for the others, so that no lane still reads over the poll's connection once
 * the poll has filed its mail away and closed it. Then the first failure, if any, ends the
 * poll as it would have ended a single lane: the consumer's handler logs it, and what was
 * not taken in waits for the next poll.
 */
@Component("laneOutcomes")
public class LaneOutcomes implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange soFar, Exchange lane) {
        if (soFar == null) {
            return lane;
        }
        if (soFar.getException() == null && lane.getException() != null) {
            soFar.setException(lane.getException());
        }
        return soFar;
    }
}
