package org.openysb.intake.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.jboss.logging.Logger;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.intake.config.IntakeConfig;
import org.openysb.intake.crypto.FieldCipher;
import org.openysb.intake.model.Complaint;
import org.openysb.intake.model.RepeatCandidate;
import org.openysb.intake.model.TextSimilarity;
import org.openysb.intake.repository.CaseNumberRepository;
import org.openysb.intake.repository.SubmissionBatchRepository;
import org.openysb.intake.repository.SubmissionBatchRepository.NewCase;
import org.openysb.outbox.Outbox;
import org.openysb.problem.DomainException;

/**
 * Writes web submissions in batches (group commit). A complaint is validated, encrypted and sketched on the request's
 * thread and queued; one writer thread takes whatever has queued while it wrote the previous batch (at most {@code
 * intake.submissions.max-batch}) and stores it in one transaction: case numbers reserved in one statement, the
 * earlier cases every complaint may repeat read in one query (complaints of the same batch are compared with each
 * other in memory, in arrival order), and cases, near-duplicate keys, first timeline steps and outbox events written
 * in one statement, then one synchronous commit. Each complainant is answered (201) only after that commit, so an
 * answered complaint is durable and its event will be published; a batch that fails is retried complaint by complaint
 * (with the case numbers already reserved), so one bad complaint does not fail the others. With one writer the
 * batches are written one after the other, and each sees the cases of the one before it.
 *
 * <p>Under light load a batch holds one complaint and costs what a single submission did; under heavy load the
 * per-statement and per-commit costs are shared by up to max-batch complaints. When more than {@code
 * intake.submissions.queue-capacity} wait, a submission is refused at once with 503 (nothing stored), instead of
 * waiting past any client's timeout.
 */
@ApplicationScoped
public class SubmissionBatcher {
    private static final Logger LOG = Logger.getLogger(SubmissionBatcher.class);
    private static final String NEWEST_UNKEYED = "select max(received_at) from complaint where not repeat_keyed";

    private final ComplaintService service;
    private final RepeatDetection repeats;
    private final CaseNumberRepository caseNumbers;
    private final SubmissionBatchRepository batches;
    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final FieldCipher cipher;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue;
    private final DistributionSummary batchSizes;
    private final Executor answers = Infrastructure.getDefaultWorkerPool();
    private volatile boolean running;
    private Thread writer;

    public SubmissionBatcher(
            ComplaintService service,
            RepeatDetection repeats,
            CaseNumberRepository caseNumbers,
            SubmissionBatchRepository batches,
            AgroalDataSource dataSource,
            Outbox outbox,
            FieldCipher cipher,
            IntakeConfig config,
            MeterRegistry meters) {
        this.service = service;
        this.repeats = repeats;
        this.caseNumbers = caseNumbers;
        this.batches = batches;
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.cipher = cipher;
        this.maxBatch = Math.max(1, config.submissions().maxBatch());
        this.queue = new ArrayBlockingQueue<>(Math.max(1, config.submissions().queueCapacity()));
        this.batchSizes = DistributionSummary.builder("intake.submissions.batch.size")
                .description("Web submissions stored per transaction")
                .register(meters);
        meters.gauge("intake.submissions.waiting", queue, BlockingQueue::size);
    }

    /** A complaint queued for the writer, with everything that can be computed before its batch. */
    private static final class Pending {
        final Complaint complaint;
        final RepeatDetection.Query query;
        final String queryCode;
        final String mobile;
        final String email;
        final String idNumber;
        final String creditCode;
        final CompletableFuture<SubmittedComplaint> done = new CompletableFuture<>();

        Pending(Complaint complaint, RepeatDetection.Query query, String queryCode, FieldCipher cipher) {
            this.complaint = complaint;
            this.query = query;
            this.queryCode = queryCode;
            this.mobile = cipher.encrypt(complaint.complainant.mobile);
            this.email = cipher.encrypt(complaint.complainant.email);
            this.idNumber = cipher.encrypt(complaint.complainant.idNumber);
            this.creditCode = cipher.encrypt(complaint.complainant.creditCode);
        }
    }

    @PostConstruct
    void start() {
        running = true;
        writer = new Thread(this::run, "intake-submission-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        try {
            writer.join(10_000); // the queued complaints are still written; none of them was answered yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done.completeExceptionally(busy("the service is stopping"));
        }
    }

    /**
     * Queues a validated complaint; the stage completes with its receipt once it is committed, or fails (503 when the
     * queue is full or the service stops, the database's error otherwise).
     */
    public CompletionStage<SubmittedComplaint> submit(NewComplaint input) {
        OffsetDateTime now = service.now();
        Complaint complaint = service.prepare(input, now);
        Pending pending = new Pending(complaint, repeats.query(complaint), service.newQueryCode(), cipher);
        if (!running || !queue.offer(pending)) {
            throw busy("more than " + (queue.size() + queue.remainingCapacity())
                    + " complaints are waiting to be stored; nothing was stored, please submit again shortly");
        }
        return pending.done;
    }

    /** Most complaints that can wait for their batch ({@code intake.submissions.queue-capacity}). */
    public int capacity() {
        return queue.size() + queue.remainingCapacity();
    }

    /** Complaints waiting for their batch. */
    public int waiting() {
        return queue.size();
    }

    private static DomainException busy(String detail) {
        return new DomainException(503, "busy", "系统繁忙，请稍后再提交", "The service is busy; submit again shortly", detail);
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("submission writer: unexpected failure", e);
                batch.forEach(p -> p.done.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        batchSizes.record(batch.size());
        try {
            assignCaseNumbers(batch);
        } catch (RuntimeException e) {
            batch.forEach(p -> p.done.completeExceptionally(e));
            return;
        }
        try {
            store(batch);
            batch.forEach(this::answer);
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1) {
                fail(batch.get(0), e);
                return;
            }
            LOG.warnf("a batch of %d submissions failed (%s); storing them one by one", batch.size(), e.getMessage());
            for (Pending p : batch) {
                try {
                    store(List.of(p));
                    answer(p);
                } catch (SQLException | RuntimeException alone) {
                    fail(p, alone);
                }
            }
        }
    }

    /** The batch's case numbers, one statement per day (a batch spans midnight at most once). */
    private void assignCaseNumbers(List<Pending> batch) {
        Map<LocalDate, List<Complaint>> byDay = new LinkedHashMap<>();
        for (Pending p : batch) {
            byDay.computeIfAbsent(ComplaintService.caseDay(p.complaint.updatedAt), d -> new ArrayList<>())
                    .add(p.complaint);
        }
        byDay.forEach((day, complaints) -> {
            Iterator<String> numbers =
                    caseNumbers.reserve(day, complaints.size()).iterator();
            for (Complaint c : complaints) {
                c.caseNumber = numbers.next();
            }
        });
        for (Pending p : batch) {
            p.complaint.queryCodeHash = Complaint.hashQueryCode(p.complaint.caseNumber, p.queryCode);
        }
    }

    private void store(List<Pending> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<NewCase> cases = linkAndDescribe(connection, batch);
                batches.insert(
                        connection, cases, ComplaintService.SUBMITTED_STEP, ComplaintService.SUBMITTED_DESCRIPTION);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        outbox.wakeUpRelay();
    }

    /** Decides each complaint's repeat link (并单) and builds its ComplaintSubmitted event. */
    private List<NewCase> linkAndDescribe(Connection connection, List<Pending> batch) throws SQLException {
        List<RepeatDetection.Query> queries = batch.stream().map(p -> p.query).toList();
        OffsetDateTime earliest = queries.stream()
                .map(RepeatDetection.Query::since)
                .min(OffsetDateTime::compareTo)
                .orElseThrow();
        boolean unkeyed = repeats.unkeyedMayBeWithin(earliest, () -> newestUnkeyed(connection));
        Map<Integer, List<RepeatCandidate>> stored =
                batches.candidates(connection, queries, unkeyed, repeats.maxCandidates());
        Map<String, long[]> batchCodes = learnTexts(connection, stored);
        List<NewCase> cases = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            Complaint c = p.complaint;
            List<RepeatCandidate> candidates = new ArrayList<>(stored.getOrDefault(i, List.of()));
            for (int j = 0; j < i; j++) {
                Complaint e = batch.get(j).complaint;
                if (p.query.admits(e)) {
                    candidates.add(new RepeatCandidate(
                            e.caseNumber,
                            e.title,
                            e.content,
                            e.district,
                            e.complainant.mobileHash,
                            e.repeatOf,
                            e.receivedAt));
                }
            }
            c.repeatOf = null;
            c.repeatSimilarity = null;
            repeats.best(p.query, candidates, batchCodes)
                    .ifPresent(m -> c.markRepeatOf(m.caseNumber(), m.similarity()));
            batchCodes.put(c.caseNumber, p.query.grams()); // a candidate of the next complaints
            codes.put(c.caseNumber, p.query.grams());
            CloudEvent event =
                    outbox.newEvent(EventType.COMPLAINT_SUBMITTED, c.caseNumber, ComplaintService.toEvent(c));
            cases.add(new NewCase(
                    c,
                    p.mobile,
                    p.email,
                    p.idNumber,
                    p.creditCode,
                    UUID.fromString(event.id()),
                    EventType.COMPLAINT_SUBMITTED.topic(),
                    event.type(),
                    EventJson.write(event)));
        }
        return cases;
    }

    /**
     * The bigrams of recent cases by case number (cases do not change their text), least recently used dropped first:
     * the candidates of one batch are mostly those of the batch before, so their texts are read and cut into bigrams
     * once, not once per batch. Used by the writer thread only.
     */
    private final Map<String, long[]> codes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > KNOWN_TEXTS;
        }
    };

    private static final int KNOWN_TEXTS = 20_000;

    /** The bigrams of every candidate of a batch: known ones from {@link #codes}, the others from their texts. */
    private Map<String, long[]> learnTexts(Connection connection, Map<Integer, List<RepeatCandidate>> stored)
            throws SQLException {
        Map<String, long[]> batchCodes = new java.util.HashMap<>();
        java.util.Set<String> unknown = new java.util.HashSet<>();
        for (List<RepeatCandidate> candidates : stored.values()) {
            for (RepeatCandidate candidate : candidates) {
                long[] known = codes.get(candidate.caseNumber());
                if (known != null) {
                    batchCodes.put(candidate.caseNumber(), known);
                } else {
                    unknown.add(candidate.caseNumber());
                }
            }
        }
        if (!unknown.isEmpty()) {
            batches.texts(connection, unknown).forEach((caseNumber, text) -> {
                long[] read = TextSimilarity.bigramCodes(text);
                batchCodes.put(caseNumber, read);
                codes.put(caseNumber, read);
            });
        }
        return batchCodes;
    }

    private static OffsetDateTime newestUnkeyed(Connection connection) {
        try (PreparedStatement s = connection.prepareStatement(NEWEST_UNKEYED);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getObject(1, OffsetDateTime.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Answers on a worker thread, so that the writer goes on with the next batch at once. */
    private void answer(Pending p) {
        Complaint c = p.complaint;
        answers.execute(() -> {
            ComplaintService.logAccepted(c);
            p.done.complete(new SubmittedComplaint(c.caseNumber, p.queryCode, c.receivedAt, c.status.name()));
        });
    }

    private void fail(Pending p, Exception e) {
        LOG.errorf(e, "submission %s not stored", p.complaint.caseNumber);
        p.done.completeExceptionally(e instanceof RuntimeException r ? r : new IllegalStateException(e));
    }
}
