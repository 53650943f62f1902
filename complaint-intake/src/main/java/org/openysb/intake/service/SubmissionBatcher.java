package org.openysb.intake.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

import org.openysb.contracts.EventType;
import org.openysb.intake.config.IntakeConfig;
import org.openysb.intake.crypto.FieldCipher;
import org.openysb.intake.model.Complaint;
import org.openysb.intake.model.RepeatCandidate;
import org.openysb.intake.model.ScannedFile;
import org.openysb.intake.repository.AttachmentRepository;
import org.openysb.intake.repository.CaseNumberRepository;
import org.openysb.intake.repository.SubmissionBatchRepository;
import org.openysb.intake.repository.SubmissionBatchRepository.NewCase;
import org.openysb.outbox.Outbox;
import org.openysb.problem.DomainException;

/**
 * Writes web submissions in batches (group commit). A complaint is validated, encrypted and sketched on the request's
 * thread and queued; one writer thread takes whatever has queued while it wrote the previous batch (at most {@code
 * intake.submissions.max-batch}) and stores it in one transaction: case numbers reserved in one statement, the
 * earlier cases every complaint may repeat found in the repeat index ({@link RepeatIndex}, in memory; only the cases
 * the writer does not know yet are read, in one query), complaints of the same batch compared with each other in
 * memory, in arrival order, and cases (with their near-duplicate keys), first timeline steps and outbox events written
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

    private final ComplaintService service;
    private final RepeatDetection repeats;
    private final RepeatIndex index;
    private final CaseNumberRepository caseNumbers;
    private final SubmissionBatchRepository batches;
    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final FieldCipher cipher;
    private final IntakeMetrics metrics;
    private final AttachmentRepository attachments;
    private final int maxBatch;
    private final long maxWaitingAttachmentBytes;
    /** Bytes of attachments held by complaints not yet answered (see {@code max-waiting-attachments}). */
    private final java.util.concurrent.atomic.AtomicLong waitingAttachmentBytes =
            new java.util.concurrent.atomic.AtomicLong();

    private final BlockingQueue<Pending> queue;
    private final DistributionSummary batchSizes;
    private final Executor answers = Infrastructure.getDefaultWorkerPool();
    private volatile boolean running;
    private Thread writer;
    private Thread committer;

    public SubmissionBatcher(
            ComplaintService service,
            RepeatDetection repeats,
            CaseNumberRepository caseNumbers,
            SubmissionBatchRepository batches,
            AgroalDataSource dataSource,
            Outbox outbox,
            FieldCipher cipher,
            IntakeConfig config,
            MeterRegistry meters,
            IntakeMetrics metrics,
            RepeatIndex index,
            AttachmentRepository attachments) {
        this.index = index;
        this.attachments = attachments;
        this.maxWaitingAttachmentBytes =
                config.submissions().maxWaitingAttachments().asLongValue();
        this.metrics = metrics;
        this.service = service;
        this.repeats = repeats;
        this.caseNumbers = caseNumbers;
        this.batches = batches;
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.cipher = cipher;
        this.known = new KnownCases(config.repeats().knownCases().orElse((int)
                (Runtime.getRuntime().maxMemory() / 4 / 1024))); // a quarter of the heap, 1 KiB each
        this.maxBatch = Math.max(1, config.submissions().maxBatch());
        this.queue = new ArrayBlockingQueue<>(Math.max(1, config.submissions().queueCapacity()));
        this.batchSizes = DistributionSummary.builder("intake.submissions.batch.size")
                .description("Web submissions stored per transaction")
                .register(meters);
        meters.gauge("intake.submissions.waiting", queue, BlockingQueue::size);
        meters.gauge("intake.submissions.linked", this, SubmissionBatcher::linkedWaiting);
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
        /** Its attachments, stored in the transaction of its case (none for most complaints). */
        final List<ScannedFile> files;

        final long fileBytes;
        final CompletableFuture<SubmittedComplaint> done = new CompletableFuture<>();
        /** The Vert.x context of the request (its event loop), where its answer is delivered; null outside one. */
        final io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();

        Pending(
                Complaint complaint,
                RepeatDetection.Query query,
                String queryCode,
                FieldCipher cipher,
                List<ScannedFile> files) {
            this.complaint = complaint;
            this.files = files;
            this.fileBytes = files.stream().mapToLong(f -> f.content().length).sum();
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
        committer = new Thread(this::commitLoop, "intake-submission-committer");
        committer.setDaemon(true);
        committer.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        try {
            // the queued complaints are still written; none of them was answered yet
            writer.join(10_000);
            committer.join(10_000);
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
        return submit(input, List.of());
    }

    /**
     * Queues a validated complaint with its attachments (checked files), stored in the same transaction as its case:
     * a complaint answered 201 has all its files, a refused one none. Refused at once (503, nothing stored) when the
     * attachments already waiting would exceed {@code intake.submissions.max-waiting-attachments}.
     */
    public CompletionStage<SubmittedComplaint> submit(NewComplaint input, List<ScannedFile> files) {
        OffsetDateTime now = service.now();
        Complaint complaint = service.prepare(input, now);
        Pending pending = new Pending(complaint, repeats.query(complaint), service.newQueryCode(), cipher, files);
        if (pending.fileBytes > 0) {
            long waiting = waitingAttachmentBytes.addAndGet(pending.fileBytes);
            if (waiting > maxWaitingAttachmentBytes && waiting != pending.fileBytes) { // one alone always fits
                waitingAttachmentBytes.addAndGet(-pending.fileBytes);
                throw busy("too many attachments are waiting to be stored; nothing was stored, please submit again"
                        + " shortly");
            }
            pending.done.whenComplete((receipt, failure) -> waitingAttachmentBytes.addAndGet(-pending.fileBytes));
        }
        if (!running || !queue.offer(pending)) {
            if (pending.fileBytes > 0) {
                pending.done.cancel(false); // releases its bytes
            }
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

    /** Batches linked and waiting for the committer (the one being committed not counted). */
    public int linkedWaiting() {
        return linked.size();
    }

    private static DomainException busy(String detail) {
        return new DomainException(503, "busy", "系统繁忙，请稍后再提交", "The service is busy; submit again shortly", detail);
    }

    /**
     * A batch whose repeat links and events are decided, on its way to its commit. {@code finished} once its outcome
     * is final (committed, or stored complaint by complaint with some refused).
     */
    private static final class Linked {
        final List<Pending> batch;
        final List<NewCase> cases;
        volatile boolean finished;

        Linked(List<Pending> batch, List<NewCase> cases) {
            this.batch = batch;
            this.cases = cases;
        }
    }

    private static final Linked END = new Linked(List.of(), List.of());

    /** Linked batches for the committer: the writer links the next batch while the one before is stored. */
    private final BlockingQueue<Linked> linked = new ArrayBlockingQueue<>(2);

    /** Linked batches not yet finished when the writer last looked (writer thread only). */
    private final java.util.ArrayDeque<Linked> unfinished = new java.util.ArrayDeque<>();

    /** Cases the committer stored, for the writer's {@link KnownCases}. */
    private final java.util.concurrent.ConcurrentLinkedQueue<KnownCases.Known> committed =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Case numbers of complaints the database refused (never stored): nothing may link to them. */
    private final java.util.Set<String> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The writer: takes what queued, reserves its case numbers, decides its repeat links and events (reading the
     * stored cases it may repeat, and comparing in memory with the batches not yet committed), and hands it to the
     * committer — so that one batch is linked while the one before is inserted and committed.
     */
    private void run() {
        try {
            while (running || !queue.isEmpty()) {
                List<Pending> batch = new ArrayList<>(maxBatch);
                try {
                    Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    Linked l = link(batch);
                    if (l != null) {
                        unfinished.add(l);
                        linked.put(l);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    batch.forEach(p -> p.done.completeExceptionally(busy("the service is stopping")));
                    return;
                } catch (RuntimeException e) {
                    LOG.error("submission writer: unexpected failure", e);
                    batch.forEach(p -> p.done.completeExceptionally(e));
                }
            }
        } finally {
            try {
                linked.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Numbers, links and events of a batch; null (each complaint failed) when the database cannot be read. */
    private Linked link(List<Pending> batch) {
        batchSizes.record(batch.size());
        try {
            assignCaseNumbers(batch);
        } catch (RuntimeException e) {
            batch.forEach(p -> p.done.completeExceptionally(e));
            return null;
        }
        try (Reads reads = new Reads()) {
            return new Linked(batch, linkAndDescribe(reads, batch));
        } catch (SQLException | RuntimeException e) {
            batch.forEach(p -> fail(p, e));
            return null;
        }
    }

    /**
     * The writer's connection for reading stored cases, taken only when a batch needs one: most batches find their
     * candidates in the repeat index and the writer's {@link KnownCases}, without the database.
     */
    private final class Reads implements AutoCloseable {
        private Connection connection;

        Connection get() throws SQLException {
            if (connection == null) {
                connection = dataSource.getConnection();
            }
            return connection;
        }

        @Override
        public void close() throws SQLException {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /**
     * The committer: stores the linked batches in order and answers their complainants. The batches linked while it
     * committed the one before are stored together, in one transaction (at most {@code max-batch} complaints): when
     * commits fall behind — a slow fsync, a checkpoint, a pause — the backlog is written in fewer, larger commits
     * instead of one commit per small batch.
     */
    private void commitLoop() {
        while (true) {
            List<Linked> group = new ArrayList<>();
            boolean end = false;
            try {
                Linked l = linked.take();
                int size = 0;
                while (l != null) {
                    if (l == END) {
                        end = true;
                        break;
                    }
                    group.add(l);
                    size += l.batch.size();
                    Linked next = linked.peek();
                    l = next != null && (next == END || size + next.batch.size() <= maxBatch) ? linked.poll() : null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!group.isEmpty()) {
                Linked together = group.size() == 1 ? group.get(0) : merge(group);
                try {
                    write(together);
                } catch (RuntimeException e) {
                    LOG.error("submission committer: unexpected failure", e);
                    together.batch.forEach(p -> p.done.completeExceptionally(e));
                } finally {
                    group.forEach(l -> l.finished = true);
                }
            }
            if (end) {
                return;
            }
        }
    }

    /** Linked batches as one, in their order (each was linked seeing the ones before it). */
    private static Linked merge(List<Linked> group) {
        List<Pending> batch = new ArrayList<>();
        List<NewCase> cases = new ArrayList<>();
        for (Linked l : group) {
            batch.addAll(l.batch);
            cases.addAll(l.cases);
        }
        return new Linked(batch, cases);
    }

    private void write(Linked l) {
        List<NewCase> cases = l.cases.stream().map(this::unlinkRefused).toList();
        try {
            store(cases, l.batch);
            l.batch.forEach(this::answer);
        } catch (SQLException | RuntimeException e) {
            if (cases.size() == 1) {
                refused.add(cases.get(0).complaint().caseNumber);
                fail(l.batch.get(0), e);
                return;
            }
            LOG.warnf("a batch of %d submissions failed (%s); storing them one by one", cases.size(), e.getMessage());
            for (int i = 0; i < cases.size(); i++) {
                NewCase alone = unlinkRefused(cases.get(i));
                try {
                    store(List.of(alone), List.of(l.batch.get(i)));
                    answer(l.batch.get(i));
                } catch (SQLException | RuntimeException e2) {
                    refused.add(alone.complaint().caseNumber);
                    fail(l.batch.get(i), e2);
                }
            }
        }
    }

    /**
     * The case as linked, or — when it was linked to a complaint of an earlier batch that the database then refused
     * (never stored) — without that link, and with its event written again.
     */
    private NewCase unlinkRefused(NewCase nc) {
        Complaint c = nc.complaint();
        if (c.repeatOf == null || !refused.contains(c.repeatOf)) {
            return nc;
        }
        LOG.warnf("%s was linked to %s, which was not stored; stored without the link", c.caseNumber, c.repeatOf);
        c.repeatOf = null;
        c.repeatSimilarity = null;
        return new NewCase(
                c,
                nc.mobile(),
                nc.email(),
                nc.idNumber(),
                nc.creditCode(),
                outbox.row(EventType.COMPLAINT_SUBMITTED, c.caseNumber, ComplaintService.toEvent(c)));
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

    private void store(List<NewCase> cases, List<Pending> pendings) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Map<String, Long> ids = batches.insert(
                        connection, cases, ComplaintService.SUBMITTED_STEP, ComplaintService.SUBMITTED_DESCRIPTION);
                for (Pending p : pendings) {
                    if (!p.files.isEmpty()) {
                        attachments.insert(connection, p.complaint.caseNumber, p.files, p.complaint.updatedAt);
                    }
                }
                connection.commit();
                for (int i = 0; i < cases.size(); i++) { // candidates of the next batches, known without reading
                    Complaint c = cases.get(i).complaint();
                    long id = ids.get(c.caseNumber);
                    index.add(id, c.receivedAt, c.complainant.mobileHash, c.repeatKeys);
                    committed.add(new KnownCases.Known(
                            id,
                            c.caseNumber,
                            c.district,
                            c.complainant.mobileHash,
                            c.repeatOf,
                            c.receivedAt,
                            pendings.get(i).query.grams()));
                }
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
    private List<NewCase> linkAndDescribe(Reads reads, List<Pending> batch) throws SQLException {
        List<RepeatDetection.Query> queries = batch.stream().map(p -> p.query).toList();
        Map<String, int[]> batchCodes = new java.util.concurrent.ConcurrentHashMap<>(); // bigrams of every candidate
        // batches linked before this one whose commit had not finished before the lookup below may not be in the
        // index: their complaints are compared in memory (a case found both ways is compared twice, to no effect)
        while (!unfinished.isEmpty() && unfinished.peek().finished) {
            unfinished.poll();
        }
        // after the above: a batch finished is in the index, and its cases are known here without reading them
        KnownCases.Known stored;
        while ((stored = committed.poll()) != null) {
            known.learn(stored);
        }
        List<Pending> inFlight = new ArrayList<>();
        for (Linked l : unfinished) {
            for (Pending p : l.batch) {
                if (p.complaint.caseNumber != null && !refused.contains(p.complaint.caseNumber)) {
                    inFlight.add(p);
                    batchCodes.put(p.complaint.caseNumber, p.query.grams());
                }
            }
        }
        RepeatDetection.Scored[] closestStored = closestStored(reads, queries, batchCodes);
        List<NewCase> cases = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            Complaint c = p.complaint;
            List<RepeatCandidate> candidates = new ArrayList<>();
            for (List<Pending> group : List.of(inFlight, batch.subList(0, i))) { // linked earlier, in order
                for (Pending before : group) {
                    Complaint e = before.complaint;
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
            }
            c.repeatOf = null;
            c.repeatSimilarity = null;
            repeats.match(repeats.closest(p.query, candidates, batchCodes, closestStored[i]))
                    .ifPresent(m -> c.markRepeatOf(m.caseNumber(), m.similarity()));
            batchCodes.put(c.caseNumber, p.query.grams()); // a candidate of the next complaints
            cases.add(new NewCase(
                    c,
                    p.mobile,
                    p.email,
                    p.idNumber,
                    p.creditCode,
                    outbox.row(EventType.COMPLAINT_SUBMITTED, c.caseNumber, ComplaintService.toEvent(c))));
        }
        return cases;
    }

    /**
     * For each query (in order), the closest of the stored cases it may repeat, chosen as the one-by-one rules choose
     * them (each rule's newest {@code max-candidates}, same complainant first): the repeat index says which cases come
     * up (by key, by complainant) — or, for a complaint whose window reaches further back than the index, the
     * database (by complainant, the district's newest) — the cases the writer does not know yet are read by id in one
     * query, and the window, the district and the limit are applied here. The lookups and the comparisons of each
     * complaint are independent of the others': they run on every core, while the batch waits.
     */
    private RepeatDetection.Scored[] closestStored(
            Reads reads, List<RepeatDetection.Query> queries, Map<String, int[]> batchCodes) throws SQLException {
        int limit = repeats.maxCandidates();
        int n = queries.size();
        List<RepeatDetection.Query> beyond = new ArrayList<>();
        boolean[] covered = new boolean[n];
        for (int i = 0; i < n; i++) {
            covered[i] = index.covers(queries.get(i).since());
            if (!covered[i]) {
                beyond.add(queries.get(i));
            }
        }
        Map<String, java.util.Set<Long>> byMobile = new HashMap<>();
        Map<String, java.util.Set<Long>> byDistrict = new HashMap<>();
        if (!beyond.isEmpty()) {
            java.util.Set<String> mobiles = new java.util.HashSet<>();
            java.util.Set<String> districts = new java.util.HashSet<>();
            for (RepeatDetection.Query q : beyond) {
                if (q.mobileHash() != null) {
                    mobiles.add(q.mobileHash());
                }
                districts.add(q.district());
            }
            for (SubmissionBatchRepository.Hit hit : batches.fallback(
                    reads.get(),
                    new SubmissionBatchRepository.FallbackQuery(
                            mobiles, districts, earliest(beyond), latest(beyond), limit))) {
                (hit.kind() == SubmissionBatchRepository.HitKind.COMPLAINANT
                                ? byMobile.computeIfAbsent(hit.mobileHash(), k -> new java.util.HashSet<>())
                                : byDistrict.computeIfAbsent(hit.district(), k -> new java.util.HashSet<>()))
                        .add(hit.complaintId());
            }
        }
        // the cases each complaint may repeat: its complainant's and those sharing a key (or its district's), each
        // looked up once among the known cases; the others are read below, for all complaints at once
        Gathered[] same = new Gathered[n];
        Gathered[] near = new Gathered[n];
        java.util.Set<Long> unknown = java.util.concurrent.ConcurrentHashMap.newKeySet();
        perComplaint(n).forEach(i -> {
            RepeatDetection.Query q = queries.get(i);
            same[i] = new Gathered();
            near[i] = new Gathered();
            if (covered[i]) {
                RepeatDetection.Found found = repeats.lookUp(q);
                for (int j = 0; j < found.same().size(); j++) {
                    same[i].add(known, found.same().id(j), unknown);
                }
                for (int j = 0; j < found.near().size(); j++) {
                    near[i].add(known, found.near().id(j), unknown);
                }
            } else {
                if (q.mobileHash() != null) {
                    for (Long id : byMobile.getOrDefault(q.mobileHash(), java.util.Set.of())) {
                        same[i].add(known, id, unknown);
                    }
                }
                for (Long id : byDistrict.getOrDefault(q.district(), java.util.Set.of())) {
                    near[i].add(known, id, unknown);
                }
            }
        });
        Map<Long, KnownCases.Known> described = new HashMap<>();
        if (!unknown.isEmpty()) {
            for (SubmissionBatchRepository.Described d : batches.describe(reads.get(), unknown)) {
                described.put(d.id(), known.learn(d));
            }
        }
        RepeatDetection.Scored[] closest = new RepeatDetection.Scored[n];
        perComplaint(n).forEach(i -> {
            RepeatDetection.Query q = queries.get(i);
            List<RepeatCandidate> candidates = new ArrayList<>();
            if (q.mobileHash() != null) {
                candidates.addAll(KnownCases.newest(same[i].resolve(described), q, false, limit));
            }
            candidates.addAll(KnownCases.newest(near[i].resolve(described), q, true, limit));
            closest[i] = repeats.closest(q, candidates, batchCodes, null);
        });
        return closest;
    }

    /** Complaints of a batch from this many on are looked up and compared on every core; fewer, on the writer's. */
    private static final int PARALLEL_FROM = 8;

    /**
     * The indexes of a batch's complaints, in parallel for a large batch: for a handful, waking the pool's threads
     * costs more than it saves (most batches are small when the service is not saturated).
     */
    private static java.util.stream.IntStream perComplaint(int n) {
        java.util.stream.IntStream all = java.util.stream.IntStream.range(0, n);
        return n >= PARALLEL_FROM ? all.parallel() : all;
    }

    /** The cases that came up for one complaint: those known, and the ids of those to be read (deleted ones are not). */
    private static final class Gathered {
        final List<KnownCases.Known> known = new ArrayList<>();
        private long[] missing = new long[0];
        private int missingCount;

        void add(KnownCases cases, long id, java.util.Set<Long> unknown) {
            KnownCases.Known k = cases.get(id);
            if (k != null) {
                known.add(k);
                return;
            }
            if (missingCount == missing.length) {
                missing = java.util.Arrays.copyOf(missing, Math.max(8, missingCount * 2));
            }
            missing[missingCount++] = id;
            unknown.add(id);
        }

        /** The known cases with those just read ({@code described}). */
        List<KnownCases.Known> resolve(Map<Long, KnownCases.Known> described) {
            for (int j = 0; j < missingCount; j++) {
                KnownCases.Known k = described.get(missing[j]);
                if (k != null) {
                    known.add(k);
                }
            }
            missingCount = 0;
            return known;
        }
    }

    private static OffsetDateTime earliest(List<RepeatDetection.Query> queries) {
        return queries.stream()
                .map(RepeatDetection.Query::since)
                .min(OffsetDateTime::compareTo)
                .orElseThrow();
    }

    private static OffsetDateTime latest(List<RepeatDetection.Query> queries) {
        return queries.stream()
                .map(RepeatDetection.Query::until)
                .max(OffsetDateTime::compareTo)
                .orElseThrow();
    }

    /** What the writer knows of stored cases (see {@link KnownCases}); learnt by the writer thread only. */
    private final KnownCases known;

    /** Answers off the committer thread (see {@link #deliver}), so that it goes on with the next batch at once. */
    private void answer(Pending p) {
        Complaint c = p.complaint;
        metrics.committed(c);
        deliver(p, () -> {
            ComplaintService.logAccepted(c);
            p.done.complete(new SubmittedComplaint(c.caseNumber, p.queryCode, c.receivedAt, c.status.name()));
        });
    }

    private void fail(Pending p, Exception e) {
        LOG.errorf(e, "submission %s not stored", p.complaint.caseNumber);
        deliver(
                p,
                () -> p.done.completeExceptionally(e instanceof RuntimeException r ? r : new IllegalStateException(e)));
    }

    /**
     * Completes a submission off the writer and committer threads: on its request's event loop (where its response is
     * written anyway), or on a worker when it came from outside one.
     */
    private void deliver(Pending p, Runnable completion) {
        if (p.context != null) {
            p.context.runOnContext(ignored -> completion.run());
        } else {
            answers.execute(completion);
        }
    }
}
