package id.go.trenggalekkab.csirt.indicator;

import id.go.trenggalekkab.csirt.system.CsirtProperties;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The case's indicators as the desk reads them from mail and as officers correct them:
 * the one extractor (the desk's own domain marked), and the adding and removing an
 * officer commands ({@code #ioc tambah}, {@code #ioc hapus}).
 */
@Component
public class CaseIndicators {

    private final IndicatorExtractor extractor;
    private final IndicatorRepository indicators;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CaseIndicators(CsirtProperties properties, IndicatorRepository indicators, Clock clock,
                   @Value("${csirt.indicators.own-networks:}") List<String> ownNetworks, ApplicationEventPublisher events) {
        this.extractor = new IndicatorExtractor(List.of(properties.deskDomain()), ownNetworks);
        this.indicators = indicators;
        this.clock = clock;
        this.events = events;
    }

    /** The case's indicators not removed, as they are shown and shared. */
    public List<Indicator> onCase(long ticketId) {
        return indicators.onCase(ticketId).stream().map(IndicatorRepository.StoredIndicator::indicator).toList();
    }

    /** Every indicator in text people sent; {@code notIndicators}: the sender's own address. */
    public List<Indicator> extract(String text, Set<String> notIndicators) {
        return extractor.extract(text, notIndicators);
    }

    /** The one indicator a value written by an officer stands for, defanged or not; empty for anything else. */
    public Optional<Indicator> read(String written) {
        List<Indicator> found = extractor.extract(written, Set.of());
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** Adds it (or brings back one removed before); false when the case has it already. */
    public boolean add(long ticketId, Indicator indicator, String officer) {
        return changed(ticketId, indicators.addByOfficer(ticketId, indicator, clock.instant(), officer));
    }

    /** Removes it, keeping the row with who and when; false when the case does not have it. */
    public boolean remove(long ticketId, Indicator indicator, String officer) {
        return changed(ticketId, indicators.remove(ticketId, indicator, clock.instant(), officer));
    }

    /** Told after a message's indicators are stored, in its transaction. */
    public void messageAdded(long ticketId) {
        events.publishEvent(new IndicatorsChanged(ticketId));
    }

    private boolean changed(long ticketId, boolean changed) {
        if (changed) {
            events.publishEvent(new IndicatorsChanged(ticketId));
        }
        return changed;
    }
}
