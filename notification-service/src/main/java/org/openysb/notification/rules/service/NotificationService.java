package org.openysb.notification.rules.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventType;
import org.openysb.notification.rules.model.CaseComplainant;
import org.openysb.notification.rules.repository.CaseComplainantRepository;
import org.openysb.outbox.Inbox;

/**
 * Decides who must be told about an event ({@link EventRules}), renders the message from its template and records it
 * once ({@link Addressing}; intent first: SMS and email rows are PENDING until the dispatcher sends them; inbox rows
 * are delivered by being recorded). Each event is handled once per consumer (the consumed-event inbox).
 */
@ApplicationScoped
public class NotificationService {
    private static final String CONSUMER = "notification";

    private final CaseComplainantRepository complainants;
    private final Inbox consumedEvents;
    private final EventRules rules;
    private final Addressing addressing;

    public NotificationService(
            CaseComplainantRepository complainants, Inbox consumedEvents, EventRules rules, Addressing addressing) {
        this.complainants = complainants;
        this.consumedEvents = consumedEvents;
        this.rules = rules;
        this.addressing = addressing;
    }

    /** The events whose message goes to the complainant of a case already reported (complainantOf). */
    private static final java.util.Set<EventType> TO_COMPLAINANT = java.util.EnumSet.of(
            EventType.CASE_ROUTED,
            EventType.CASE_REPLIED,
            EventType.CASE_REOPENED,
            EventType.CASE_CLOSED,
            EventType.EXTENSION_APPROVED,
            EventType.CASE_SUSPENDED,
            EventType.CASE_RESUMED);

    /** Handles the events of one poll in one transaction (in order: one case's events are on one partition). */
    @Transactional
    public void handleAll(List<CloudEvent> events) {
        List<CloudEvent> known = events.stream()
                .filter(e -> EventType.fromCeType(e.type()).isPresent())
                .toList();
        // each event marked consumed in one statement for the poll (Inbox.firstDelivery's batch form)
        java.util.Set<String> first = consumedEvents.firstDeliveries(CONSUMER, known);
        // the complainants of the poll's later steps, read in one statement instead of one read per event
        List<String> cases = known.stream()
                .filter(e -> first.contains(e.id())
                        && e.subject() != null
                        && TO_COMPLAINANT.contains(
                                EventType.fromCeType(e.type()).orElseThrow()))
                .map(CloudEvent::subject)
                .distinct()
                .toList();
        Map<String, java.util.Optional<CaseComplainant>> stored = new HashMap<>();
        cases.forEach(c -> stored.put(c, java.util.Optional.empty()));
        complainants.findByCaseNumbers(cases).forEach(c -> stored.put(c.caseNumber, java.util.Optional.of(c)));
        addressing.beginPoll(stored);
        try {
            for (CloudEvent event : known) {
                if (first.remove(event.id())) {
                    rules.apply(event, EventType.fromCeType(event.type()).orElseThrow());
                }
            }
        } catch (RuntimeException e) {
            addressing.abandonPoll();
            throw e;
        }
        addressing.recordPoll();
    }

    @Transactional
    public void handle(CloudEvent event) {
        EventType type = EventType.fromCeType(event.type()).orElse(null);
        if (type == null || !consumedEvents.firstDelivery(CONSUMER, event)) {
            return;
        }
        rules.apply(event, type);
    }
}
