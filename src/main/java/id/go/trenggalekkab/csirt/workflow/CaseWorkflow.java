package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.indicator.CaseIndicators;
import id.go.trenggalekkab.csirt.indicator.Indicator;
import id.go.trenggalekkab.csirt.indicator.MispShares;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.sop.Category;
import id.go.trenggalekkab.csirt.sop.CommandWord;
import id.go.trenggalekkab.csirt.sop.Priority;
import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.sop.SopEvent;
import id.go.trenggalekkab.csirt.sop.SopGraph;
import id.go.trenggalekkab.csirt.sop.Tlp;
import id.go.trenggalekkab.csirt.sop.Transition;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one mail's commands to a case, in order, and stops at the first refusal: the SOP
 * graph says whether the sender's roles allow the command and whether the step does (fail
 * closed), then its argument is checked, then it acts. Every applied command is a logbook
 * entry; every move follows an edge of {@link SopGraph} and is a step-history row.
 */
@Service
public class CaseWorkflow {

    private final TicketRepository tickets;
    private final CaseRepository cases;
    private final Directory directory;
    private final ReporterNotices reporterNotices;
    private final CaseFiles caseFiles;
    private final ApplicationEventPublisher events;
    private final Logbook logbook;
    private final ReporterWaits waits;
    private final CaseIndicators indicators;
    private final MispShares shares;
    private final UpwardReporting upward;
    private final Clock clock;

    CaseWorkflow(TicketRepository tickets, CaseRepository cases, Directory directory, ReporterNotices reporterNotices,
                 CaseFiles caseFiles, ApplicationEventPublisher events, Logbook logbook, ReporterWaits waits,
                 CaseIndicators indicators, MispShares shares, UpwardReporting upward, Clock clock) {
        this.indicators = indicators;
        this.shares = shares;
        this.upward = upward;
        this.tickets = tickets;
        this.cases = cases;
        this.directory = directory;
        this.reporterNotices = reporterNotices;
        this.caseFiles = caseFiles;
        this.events = events;
        this.logbook = logbook;
        this.waits = waits;
        this.clock = clock;
    }

    /** Result of one mail: each command's outcome, in order, and those not attempted after a refusal. */
    public record Execution(List<CommandOutcome> outcomes, List<Command> notAttempted, Ticket after) {

        public boolean allApplied() {
            return outcomes.stream().allMatch(CommandOutcome::applied);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Execution execute(long ticketId, Person actor, List<Command> commands, String note) {
        return execute(ticketId, actor, commands, note, "");
    }

    /**
     * The same, from another channel than mail (the web view): the logbook says which.
     *
     * @param channel "" for mail, else a word the logbook entry ends with ("(web)")
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Execution execute(long ticketId, Person actor, List<Command> commands, String note, String channel) {
        String by = channel.isBlank() ? "" : " (" + channel + ")";
        List<CommandOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            CommandOutcome outcome = apply(tickets.lock(ticketId), actor, commands.get(i), note);
            outcomes.add(outcome);
            logbook.record(ticketId, actor.address(), outcome.applied() ? LogbookEvent.COMMAND_APPLIED
                    : LogbookEvent.COMMAND_REFUSED, commands.get(i) + ": " + outcome.text() + by);
            if (!outcome.applied()) {
                return new Execution(outcomes, commands.subList(i + 1, commands.size()), tickets.lock(ticketId));
            }
        }
        return new Execution(outcomes, List.of(), tickets.lock(ticketId));
    }

    /**
     * Moves the case along one edge of the SOP, through every step of its path, and sends
     * the mail that move causes. Returns what the mover should hear of that mail: empty,
     * or that the reporter could not be told.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String follow(Ticket ticket, Transition transition, String actor, String note) {
        if (transition.from() != ticket.step()) {
            throw new IllegalStateException(ticket.number() + " is in " + ticket.step() + ", not " + transition.from());
        }
        CaseStep from = ticket.step();
        for (CaseStep step : transition.path()) {
            cases.enter(ticket.id(), from, step, clock.instant(), actor, note.isBlank() ? null : note);
            from = step;
        }
        return afterMove(tickets.lock(ticket.id()), transition, note);
    }

    private CommandOutcome apply(Ticket ticket, Person actor, Command command, String note) {
        if (!command.isKnown()) {
            return CommandOutcome.refused(command, command.written().matches("(?i)#(ulang-karantina|replay-quarantine)")
                    ? OutcomeText.DESK_COMMAND_ON_A_CASE : OutcomeText.UNKNOWN_COMMAND);
        }
        SopGraph.Decision decision = SopGraph.decide(actor.roles(), ticket.step(), command.word());
        if (decision instanceof SopGraph.NotPermitted) {
            return CommandOutcome.refused(command, OutcomeText.NOT_PERMITTED, roles(actor));
        }
        if (decision instanceof SopGraph.NotInThisStep) {
            return CommandOutcome.refused(command, OutcomeText.NOT_IN_THIS_STEP, ticket.step().describe());
        }
        if (command.word().takesArgument() && command.argument() == null) {
            return CommandOutcome.refused(command, OutcomeText.MISSING_ARGUMENT, command.word().example());
        }
        if (decision instanceof SopGraph.Moves moves) {
            return move(ticket, actor, command, moves.transition(), note);
        }
        return switch (command.word()) {
            case CATEGORY -> categorise(ticket, actor, command, note);
            case PRIORITY -> prioritise(ticket, actor, command, note);
            case TLP -> label(ticket, command);
            case ASSIGN -> assign(ticket, command);
            case SEND_CASE_FILE -> sendCaseFile(ticket, command);
            case INDICATOR -> indicator(ticket, actor, command);
            case SHARE -> share(ticket, actor, command);
            case REPORT_UPWARD -> reportUpward(ticket, actor, command, note);
            case DRAFT_UPWARD -> {
                upward.mailDraft(ticket, actor);
                yield CommandOutcome.applied(command, OutcomeText.UPWARD_DRAFT_SENT, actor.address());
            }
            case NOTE -> note.isBlank()
                    ? CommandOutcome.refused(command, OutcomeText.EMPTY_NOTE)
                    : CommandOutcome.applied(command, OutcomeText.NOTE_SAVED, note);
            case REPLY -> writeToReporter(ticket, actor, command, note, false);
            case ASK -> writeToReporter(ticket, actor, command, note, true);
            case STATUS -> CommandOutcome.applied(command, OutcomeText.STATUS_SENT);
            case HELP -> CommandOutcome.applied(command, OutcomeText.HELP_SENT);
            default -> throw new IllegalStateException("the SOP lets " + command.word() + " act in place, but nothing does");
        };
    }

    private CommandOutcome move(Ticket ticket, Person actor, Command command, Transition transition, String note) {
        if (command.word() == CommandWord.NOT_AN_INCIDENT && note.isBlank()) {
            return CommandOutcome.refused(command, OutcomeText.NO_REASON);
        }
        if (command.word() == CommandWord.MERGE) {
            return merge(ticket, actor, command, transition, note);
        }
        if (command.word() == CommandWord.SPLIT) {
            return split(ticket, actor, command, transition, note);
        }
        Optional<Role> handedTo = SopGraph.handedTo(transition);
        if (handedTo.isPresent() && directory.withRole(handedTo.get()).isEmpty()) {
            return CommandOutcome.refused(command, OutcomeText.NO_CONTACT, handedTo.get().name());
        }
        String told = follow(ticket, transition, actor.address(), note);
        return CommandOutcome.applied(command, OutcomeText.MOVED, transition.to().describe()).followedBy(told);
    }

    /**
     * Another report of an incident a main case handles: it stops its own clock, keeps its
     * evidence, and its reporter is told once and then follows the main case's notices. One
     * level only: a main case is never itself merged, so notices never travel a chain.
     */
    private CommandOutcome merge(Ticket ticket, Person actor, Command command, Transition transition, String note) {
        Optional<Ticket> main = TicketNumber.tryParse(command.argument())
                .flatMap(tickets::find);
        if (main.isEmpty()) {
            return CommandOutcome.refused(command, OutcomeText.NO_SUCH_CASE, command.argument());
        }
        Ticket into = tickets.lock(main.get().id());
        if (into.id() == ticket.id()) {
            return CommandOutcome.refused(command, OutcomeText.MERGE_INTO_ITSELF);
        }
        if (into.automatic() || into.step() == CaseStep.DISMISSED || into.step() == CaseStep.MERGED) {
            return CommandOutcome.refused(command, OutcomeText.NOT_A_MAIN_CASE, into.number(), into.step().describe());
        }
        List<Long> linked = cases.linkedCases(ticket.id());
        if (!linked.isEmpty()) {
            return CommandOutcome.refused(command, OutcomeText.ALREADY_A_MAIN_CASE, linked.size());
        }
        cases.setMergedInto(ticket.id(), into.id());
        if (ticket.reporterAddress() != null) {
            cases.addParticipant(into.id(), ticket.reporterAddress(), ParticipantRole.LINKED_REPORTER);
        }
        follow(ticket, transition, actor.address(), note);
        logbook.record(into.id(), actor.address(), LogbookEvent.CASE_LINKED, ticket.number() + " merged into this case");
        boolean told = reporterNotices.merged(tickets.lock(ticket.id()), into);
        return CommandOutcome.applied(command, OutcomeText.MERGED_INTO, into.number())
                .followedBy(told ? "" : OutcomeText.REPORTER_NOT_TOLD.format(ticket.reporterAddress()));
    }

    /** The link undone: the case is its own again and starts at step 4; its reporter leaves the main case. */
    private CommandOutcome split(Ticket ticket, Person actor, Command command, Transition transition, String note) {
        Optional<Long> main = cases.mergedInto(ticket.id());
        cases.setMergedInto(ticket.id(), null);
        main.ifPresent(id -> {
            if (ticket.reporterAddress() != null) {
                cases.removeParticipant(id, ticket.reporterAddress(), ParticipantRole.LINKED_REPORTER);
            }
            logbook.record(id, actor.address(), LogbookEvent.CASE_UNLINKED, ticket.number() + " split off this case");
        });
        follow(ticket, transition, actor.address(), note);
        return CommandOutcome.applied(command, OutcomeText.SPLIT_OFF,
                main.map(tickets::numberOf).map(Object::toString).orElse("-"), transition.to().describe());
    }

    /** The mail a move causes: the reporter told, the case handed over, the case's end announced. */
    private String afterMove(Ticket after, Transition transition, String note) {
        boolean told = true;
        if (transition.trigger() == CommandWord.VERIFY) {
            told = reporterNotices.verified(after);
        } else if (transition.to() == CaseStep.NOT_AN_INCIDENT) {
            told = reporterNotices.notAnIncident(after, note);
        } else if (transition.to() == CaseStep.CLOSED) {
            told = reporterNotices.closed(after);
            events.publishEvent(new CaseClosed(after.id(), after.number()));
        }
        SopGraph.handedTo(transition).ifPresent(team -> caseFiles.handOver(after, team, note));
        if (transition.to().isFinished()) {
            // finished without the answer: the wait ends with the case
            waits.end(after.id(), null, clock.instant());
        }
        return told ? "" : OutcomeText.REPORTER_NOT_TOLD.format(after.reporterAddress());
    }

    /**
     * The officer's words (the mail's body without quotes and signature) to the reporter;
     * a question also makes the case wait for the answer, beside the step's clock.
     */
    private CommandOutcome writeToReporter(Ticket ticket, Person actor, Command command, String text, boolean question) {
        if (text.isBlank()) {
            return CommandOutcome.refused(command, OutcomeText.EMPTY_MESSAGE);
        }
        if (ticket.automatic() || ticket.reporterAddress() == null || !reporterNotices.message(ticket, text, question)) {
            return CommandOutcome.refused(command, OutcomeText.NO_REPORTER);
        }
        logbook.record(ticket.id(), actor.address(), LogbookEvent.MESSAGE_TO_REPORTER,
                (question ? "question to " : "to ") + ticket.reporterAddress() + ": " + text);
        if (question) {
            waits.start(ticket.id(), ticket.step().name(), actor.address(), clock.instant());
            return CommandOutcome.applied(command, OutcomeText.ASKED_REPORTER, ticket.reporterAddress());
        }
        return CommandOutcome.applied(command, OutcomeText.SENT_TO_REPORTER, ticket.reporterAddress());
    }

    private CommandOutcome categorise(Ticket ticket, Person actor, Command command, String note) {
        Optional<Category> category = Category.read(command.argument());
        if (category.isEmpty()) {
            return CommandOutcome.refused(command, OutcomeText.UNKNOWN_CATEGORY, command.argument(),
                    String.join(", ", Category.CLASSES), String.join(", ", Category.LOCAL_TYPES.keySet()));
        }
        cases.setCategory(ticket.id(), category.get());
        return completeCategorisation(ticket.id(), actor, note,
                CommandOutcome.applied(command, OutcomeText.CATEGORISED, category.get()));
    }

    private CommandOutcome prioritise(Ticket ticket, Person actor, Command command, String note) {
        Optional<Priority> priority = Priority.read(command.argument());
        if (priority.isEmpty()) {
            return CommandOutcome.refused(command, OutcomeText.UNKNOWN_PRIORITY);
        }
        cases.setPriority(ticket.id(), priority.get());
        events.publishEvent(new CasePrioritised(ticket.id(), priority.get()));
        return completeCategorisation(ticket.id(), actor, note, CommandOutcome.applied(command, OutcomeText.PRIORITISED,
                command.argument().toLowerCase(Locale.ROOT)));
    }

    /** Step 5's output is a report with category and priority: once both are set, the SOP moves on. */
    private CommandOutcome completeCategorisation(long ticketId, Person actor, String note, CommandOutcome applied) {
        Ticket now = tickets.lock(ticketId);
        Optional<Transition> next = now.isCategorised()
                ? SopGraph.transition(now.step(), SopEvent.CATEGORISED).filter(t -> t.permits(actor.roles()))
                : Optional.empty();
        if (next.isEmpty()) {
            return applied;
        }
        follow(now, next.get(), actor.address(), note);
        return applied.followedBy(OutcomeText.CATEGORISATION_COMPLETE.format(next.get().to().describe()));
    }

    private CommandOutcome label(Ticket ticket, Command command) {
        Optional<Tlp> tlp = Tlp.read(command.argument());
        if (tlp.isEmpty()) {
            return CommandOutcome.refused(command, OutcomeText.UNKNOWN_TLP);
        }
        cases.setTlp(ticket.id(), tlp.get());
        return CommandOutcome.applied(command, OutcomeText.LABELLED, tlp.get().label());
    }

    /** "#ioc tambah VALUE" or "#ioc hapus VALUE" (add/remove); the value may be written defanged. */
    private CommandOutcome indicator(Ticket ticket, Person actor, Command command) {
        String[] words = command.argument().split("\\s+", 2);
        String action = words[0].toLowerCase(Locale.ROOT);
        boolean add = List.of("tambah", "add").contains(action);
        if (words.length < 2 || !(add || List.of("hapus", "remove").contains(action))) {
            return CommandOutcome.refused(command, OutcomeText.INDICATOR_ACTION);
        }
        Optional<Indicator> indicator = indicators.read(words[1]);
        if (indicator.isEmpty()) {
            return CommandOutcome.refused(command, OutcomeText.NOT_AN_INDICATOR, words[1]);
        }
        String shown = indicator.get().defanged();
        if (add) {
            return indicators.add(ticket.id(), indicator.get(), actor.address())
                    ? CommandOutcome.applied(command, OutcomeText.INDICATOR_ADDED, shown)
                    : CommandOutcome.refused(command, OutcomeText.INDICATOR_ALREADY_THERE, shown);
        }
        return indicators.remove(ticket.id(), indicator.get(), actor.address())
                ? CommandOutcome.applied(command, OutcomeText.INDICATOR_REMOVED, shown)
                : CommandOutcome.refused(command, OutcomeText.INDICATOR_NOT_ON_CASE, shown);
    }

    /**
     * "#bagikan": the case as an event to the team's MISP instance, where its TLP lets it
     * leave the organisation; queued here, pushed by the misp-share route.
     */
    private CommandOutcome share(Ticket ticket, Person actor, Command command) {
        MispShares.Requested requested = shares.request(ticket, actor.address());
        return requested.queued() ? CommandOutcome.applied(command, OutcomeText.SHARE_QUEUED, requested.detail())
                : CommandOutcome.refused(command, OutcomeText.NOT_SHARED_WITH_MISP, requested.detail());
    }

    /** "#lapor-bssn": the report upward, with the officer's words (the mail's body) as description and impact. */
    private CommandOutcome reportUpward(Ticket ticket, Person actor, Command command, String note) {
        List<Person> to = upward.send(ticket, actor, note);
        if (to.isEmpty()) {
            return CommandOutcome.refused(command, OutcomeText.NO_UPWARD_RECIPIENT);
        }
        return CommandOutcome.applied(command, OutcomeText.REPORTED_UPWARD,
                to.stream().map(p -> p.name() + " <" + p.address() + ">").collect(Collectors.joining(", ")));
    }

    private CommandOutcome assign(Ticket ticket, Command command) {
        Optional<Person> assignee = directory.find(command.argument());
        if (assignee.isEmpty() || !assignee.get().isDeskStaff()) {
            return CommandOutcome.refused(command, OutcomeText.NOT_AN_OFFICER, command.argument());
        }
        cases.setAssignee(ticket.id(), assignee.get().address());
        return CommandOutcome.applied(command, OutcomeText.ASSIGNED, assignee.get().name(), assignee.get().address());
    }

    /** An explicit decision to share: the whole case file to one named TTIS or APH contact, whatever the TLP. */
    private CommandOutcome sendCaseFile(Ticket ticket, Command command) {
        Optional<Person> recipient = directory.find(command.argument());
        if (recipient.isEmpty() || !recipient.get().isHandler()) {
            return CommandOutcome.refused(command, OutcomeText.NOT_A_HANDLER, command.argument());
        }
        caseFiles.sendOnRequest(ticket, recipient.get());
        return CommandOutcome.applied(command, OutcomeText.CASE_FILE_SENT, recipient.get().name(),
                recipient.get().address());
    }

    private static String roles(Person person) {
        return person.roles().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
