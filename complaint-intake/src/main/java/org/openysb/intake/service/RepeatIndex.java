package org.openysb.intake.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.openysb.intake.config.IntakeConfig;
import org.openysb.intake.model.RepeatSketch;
import org.openysb.intake.model.TextSimilarity;
import org.openysb.problem.DomainException;

/**
 * The near-duplicate and same-complainant keys (并单) of the cases within reach of repeat detection, in memory: which
 * cases, received when, carry a key. A new complaint's candidates are found here without a database round trip, and
 * storing a case writes no key rows (the keys go with the case, column {@code repeat_keys}, so that an index is
 * rebuilt without re-reading texts). Until V7 the keys were a table with a b-tree, and its 32 insertions and 32 range
 * scans per complaint were PostgreSQL's largest cost.
 *
 * <p>What it holds: every case received since {@link #coveredFrom} (the repeat window plus {@code
 * intake.repeats.index-margin} back, in whole periods of {@link #PERIOD_MILLIS}), by the period it was received in; a
 * period leaves as a whole once it is older than that. A complaint whose window reaches further back (an old postmark)
 * is not {@link #covers covered} and is compared the way cases were before keys, from the database.
 *
 * <p>How it learns of cases: it is built from the database at start (before any lookup is answered); the cases this
 * instance stores are added as soon as they are committed; the cases other instances store are read every {@code
 * intake.repeats.index-refresh} (rows above the highest id read so far, and ids skipped over — an insert not yet
 * committed — again until they appear or for a minute). So an instance sees another instance's case about a second
 * after its commit; two instances taking near duplicates within that second may both file them as first cases, as two
 * concurrent transactions always could.
 *
 * <p>Memory: 0.7–1 KiB per case (33 entries of 8 bytes, the key table at most 3/4 full, the case's id and time, arrays
 * grown by doubling): 68 MiB for 98,000 cases in the benchmark; {@code intake_repeats_index_bytes} shows it. Keys are
 * kept as 32-bit fingerprints: two
 * keys that share one merely bring a case up that the exact comparison then rules out.
 */
@ApplicationScoped
public class RepeatIndex {
    private static final Logger LOG = Logger.getLogger(RepeatIndex.class);
    static final long PERIOD_MILLIS = Duration.ofDays(8).toMillis();
    /** How long an id skipped over by the refresh (a transaction still open, or rolled back) is looked for again. */
    private static final long GAP_PATIENCE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private static final int MAX_GAPS = 100_000;
    private static final int REFRESH_ROWS = 10_000;
    /** Ids below the highest at the build that the first refresh looks at again (inserts open during the build). */
    private static final int REREAD_AT_START = 1_000;

    private static final String ROW =
            "select id, received_at, district, complainant_mobile_hash, repeat_keys, case when "
                    + RepeatSketch.keysOutdated("repeat_keys") + " then title || E'\\n' || content end from complaint";

    private final AgroalDataSource dataSource;
    private final long reachMillis;
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    /** Lookups share it (the writer's, in parallel); adding, expiring and building take it alone. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock lock =
            new java.util.concurrent.locks.ReentrantReadWriteLock();

    private final CountDownLatch built = new CountDownLatch(1);
    /** Epoch milliseconds from which every committed case is here (or will be, once refreshed). */
    private long coveredFrom = Long.MAX_VALUE;

    private long polledUpTo;
    /** Ids the refresh skipped over, with when it first did (a LinkedHashMap: oldest first). */
    private final LinkedHashMap<Long, Long> gaps = new LinkedHashMap<>();

    private final jakarta.transaction.TransactionSynchronizationRegistry transactions;

    public RepeatIndex(
            AgroalDataSource dataSource,
            IntakeConfig config,
            MeterRegistry meters,
            jakarta.transaction.TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.reachMillis =
                config.repeats().window().plus(config.repeats().indexMargin()).toMillis();
        meters.gauge("intake.repeats.index.cases", this, RepeatIndex::cases);
        meters.gauge("intake.repeats.index.bytes", this, RepeatIndex::bytes);
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        build();
    }

    /** Reads every case within reach from the database (replacing what was here). */
    public void build() throws SQLException {
        long start = System.nanoTime();
        long now = System.currentTimeMillis();
        long from = Math.floorDiv(now - reachMillis, PERIOD_MILLIS) * PERIOD_MILLIS;
        int count = 0;
        long maxId;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor: the rows are read in chunks, not all at once (read only: rolled back)
            try {
                try (PreparedStatement s = c.prepareStatement("select coalesce(max(id), 0) from complaint");
                        ResultSet r = s.executeQuery()) {
                    r.next();
                    maxId = r.getLong(1);
                }
                lock.writeLock().lock();
                try {
                    segments.clear();
                    coveredFrom = from;
                } finally {
                    lock.writeLock().unlock();
                }
                synchronized (refreshing) {
                    gaps.clear();
                    polledUpTo = Math.max(0, maxId - REREAD_AT_START);
                }
                try (PreparedStatement s = c.prepareStatement(ROW + " where received_at >= ?")) {
                    s.setFetchSize(2_000);
                    s.setObject(
                            1,
                            OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(from), java.time.ZoneOffset.UTC));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            if (addRow(r)) {
                                count++;
                            }
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        built.countDown();
        LOG.infof(
                "repeat index: %,d cases received since %s in %d ms (%,d KiB)",
                count, java.time.Instant.ofEpochMilli(from), (System.nanoTime() - start) / 1_000_000, bytes() / 1024);
    }

    /** Adds the case of a row of {@link #ROW}: its stored keys, or — stored without — the keys of its text. */
    private boolean addRow(ResultSet r) throws SQLException {
        long id = r.getLong(1);
        long receivedAt = r.getObject(2, OffsetDateTime.class).toInstant().toEpochMilli();
        byte[] stored = r.getBytes(5);
        long[] keys = RepeatSketch.fromBytes(stored); // null: stored without keys, or with another version's
        if (keys == null) {
            keys = RepeatSketch.keys(
                    r.getString(3), RepeatSketch.signature(TextSimilarity.bigramCodes(r.getString(6))));
        }
        return add(id, receivedAt, r.getString(4), keys);
    }

    /**
     * Adds a committed case: its near-duplicate keys and its complainant (the keyed hash of their mobile number, or
     * null). Adding a case twice changes nothing; a case received before {@link #coveredFrom} is not kept.
     */
    public boolean add(long id, long receivedAtMillis, String mobileHash, long[] keys) {
        lock.writeLock().lock();
        try {
            if (receivedAtMillis < coveredFrom) {
                return false;
            }
            long period = Math.floorDiv(receivedAtMillis, PERIOD_MILLIS);
            Segment segment = segments.get(period);
            if (segment != null && segment.contains(id)) { // a case's received time never changes: only its period
                return false;
            }
            if (segment == null) { // a new period: the oldest may be out of reach by now
                expire(System.currentTimeMillis());
                if (receivedAtMillis < coveredFrom) {
                    return false;
                }
                segment = new Segment();
                segments.put(period, segment);
            }
            int c = segment.addCase(id, receivedAtMillis);
            for (long key : keys) {
                segment.addEntry(fingerprint(key), c);
            }
            if (mobileHash != null) {
                segment.addEntry(fingerprint(RepeatSketch.complainantKey(mobileHash)), c);
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Adds a case stored (with its id) in the caller's transaction once that transaction commits. */
    public void whenCommitted(org.openysb.intake.model.Complaint c) {
        long id = c.id;
        OffsetDateTime receivedAt = c.receivedAt;
        String mobileHash = c.complainant.mobileHash;
        long[] keys = c.repeatKeys;
        org.openysb.outbox.AfterCommit.run(transactions, () -> add(id, receivedAt, mobileHash, keys));
    }

    /** Adds a case just committed by this instance. */
    public void add(long id, OffsetDateTime receivedAt, String mobileHash, long[] keys) {
        if (keys != null) {
            add(id, receivedAt.toInstant().toEpochMilli(), mobileHash, keys);
        }
    }

    /** Whether every case received at or after {@code since} is here. */
    public boolean covers(OffsetDateTime since) {
        awaitBuilt(); // before the lock: the build takes it
        lock.readLock().lock();
        try {
            return since.toInstant().toEpochMilli() >= coveredFrom;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Receives a case that came up under a key: its id and received time (epoch milliseconds). */
    @FunctionalInterface
    public interface Found {
        void found(long id, long receivedAtMillis);
    }

    /**
     * Every case under {@code key} received between {@code since} and {@code until}, newest period first (within a
     * period, newest added first). A case comes up once per key it was added under.
     */
    public void lookUp(long key, OffsetDateTime since, OffsetDateTime until, Found found) {
        awaitBuilt(); // before the lock: the build takes it
        lock.readLock().lock();
        try {
            long from = since.toInstant().toEpochMilli();
            long to = until.toInstant().toEpochMilli();
            int fp = fingerprint(key);
            for (Segment s : segments.subMap(
                            Math.floorDiv(from, PERIOD_MILLIS), true, Math.floorDiv(to, PERIOD_MILLIS), true)
                    .descendingMap()
                    .values()) {
                s.lookUp(fp, from, to, found);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The cases of the complainant with this keyed mobile hash, as {@link #lookUp}. */
    public void lookUpComplainant(String mobileHash, OffsetDateTime since, OffsetDateTime until, Found found) {
        lookUp(RepeatSketch.complainantKey(mobileHash), since, until, found);
    }

    @Scheduled(
            identity = "repeat-index-refresh",
            every = "${intake.repeats.index-refresh:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        if (built.getCount() > 0) {
            return;
        }
        try {
            refresh();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("repeat index refresh failed, will retry: %s", e.getMessage());
        }
    }

    /**
     * Adds the cases other instances committed since the last refresh, and lets the periods out of reach go; returns
     * how many cases it added.
     */
    public int refresh() throws SQLException {
        awaitBuilt();
        synchronized (refreshing) { // the database is read outside the index's lock: lookups go on meanwhile
            expire(System.currentTimeMillis());
            return readFresh();
        }
    }

    private final Object refreshing = new Object();

    private int readFresh() throws SQLException {
        List<Long> fresh = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s =
                    c.prepareStatement("select id from complaint where id > ? order by id limit " + REFRESH_ROWS)) {
                s.setLong(1, polledUpTo);
                try (ResultSet r = s.executeQuery()) {
                    long now = System.nanoTime();
                    while (r.next()) {
                        long id = r.getLong(1);
                        // ids skipped over (at most the 10,000 below: a jump further is not a transaction in flight)
                        for (long skipped = Math.max(polledUpTo + 1, id - REFRESH_ROWS);
                                skipped < id && gaps.size() < MAX_GAPS;
                                skipped++) {
                            gaps.put(skipped, now);
                        }
                        polledUpTo = id;
                        if (!indexed(id)) {
                            fresh.add(id);
                        }
                    }
                }
            }
            if (!gaps.isEmpty()) {
                long now = System.nanoTime();
                gaps.values().removeIf(seen -> now - seen > GAP_PATIENCE_NANOS);
                try (PreparedStatement s = c.prepareStatement("select id from complaint where id = any(?)")) {
                    s.setArray(1, c.createArrayOf("int8", gaps.keySet().toArray(Long[]::new)));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            long id = r.getLong(1);
                            gaps.remove(id);
                            if (!indexed(id)) {
                                fresh.add(id);
                            }
                        }
                    }
                }
            }
            int added = 0;
            if (!fresh.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(ROW + " where id = any(?)")) {
                    s.setArray(1, c.createArrayOf("int8", fresh.toArray(Long[]::new)));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            if (addRow(r)) {
                                added++;
                            }
                        }
                    }
                }
            }
            return added;
        }
    }

    private boolean indexed(long id) {
        lock.readLock().lock();
        try {
            for (Segment s : segments.values()) {
                if (s.contains(id)) {
                    return true;
                }
            }
            return false;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Lets the periods go that ended before the reach of a complaint received now. */
    private void expire(long now) {
        lock.writeLock().lock();
        try {
            long reach = now - reachMillis;
            Iterator<Map.Entry<Long, Segment>> it = segments.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<Long, Segment> e = it.next();
                long end = (e.getKey() + 1) * PERIOD_MILLIS;
                if (end > reach) {
                    break;
                }
                it.remove();
                coveredFrom = Math.max(coveredFrom, end);
            }
            if (segments.isEmpty() && coveredFrom != Long.MAX_VALUE) {
                coveredFrom = Math.max(coveredFrom, Math.floorDiv(reach, PERIOD_MILLIS) * PERIOD_MILLIS);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void awaitBuilt() {
        try {
            if (!built.await(2, TimeUnit.MINUTES)) {
                throw new DomainException(
                        503,
                        "busy",
                        "系统正在启动，请稍后再提交",
                        "The service is starting; submit again shortly",
                        "the repeat index is still being built");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Cases held. */
    public int cases() {
        lock.readLock().lock();
        try {
            int n = 0;
            for (Segment s : segments.values()) {
                n += s.caseCount;
            }
            return n;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Bytes of its arrays. */
    public long bytes() {
        lock.readLock().lock();
        try {
            long n = 0;
            for (Segment s : segments.values()) {
                n += s.bytes();
            }
            return n;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A key's 32-bit fingerprint, never 0 (an empty slot). */
    static int fingerprint(long key) {
        int fp = (int) (key ^ (key >>> 32));
        return fp == 0 ? 1 : fp;
    }

    /**
     * The cases received in one period: their ids and times, and under each key fingerprint the chain of its entries
     * (newest first), in {@link #SHARDS} tables chosen by the fingerprint's top bits. Open addressing with linear probing
     * for the fingerprints and the ids. A table that fills up is rehashed under the index's write lock, which holds up
     * every lookup meanwhile: one table of 4 million fingerprints took a few hundred milliseconds to rehash (a stall
     * seen as a p99 of 128–240 ms in the benchmark at about 95,000 and 190,000 cases), a shard a 256th of that. Small
     * shards also keep each array below half a G1 region (512 KiB in a 1 GiB heap) up to about 400,000 cases a period:
     * larger ones are humongous allocations, and their doublings set off bursts of collections and a marking cycle
     * (a second of p99 115 ms at 1,500/s with 64 shards).
     */
    static final class Segment {
        static final int SHARDS = 256;
        /** A fingerprint's top bits choose its shard. */
        private static final int SHARD_SHIFT = Integer.SIZE - Integer.numberOfTrailingZeros(SHARDS);

        /** Per case: its id, then its received time (epoch milliseconds). */
        long[] cases = new long[2 * 64];

        int caseCount;

        final IdSet idSet = new IdSet(64);

        final Chains[] shards = new Chains[SHARDS];

        int addCase(long id, long time) {
            if (2 * caseCount == cases.length) {
                cases = java.util.Arrays.copyOf(cases, cases.length * 2);
            }
            cases[2 * caseCount] = id;
            cases[2 * caseCount + 1] = time;
            idSet.add(id);
            return caseCount++;
        }

        boolean contains(long id) {
            return idSet.contains(id);
        }

        void addEntry(int fp, int c) {
            int shard = fp >>> SHARD_SHIFT;
            if (shards[shard] == null) {
                shards[shard] = new Chains();
            }
            shards[shard].add(fp, c);
        }

        void lookUp(int fp, long from, long to, Found found) {
            Chains chains = shards[fp >>> SHARD_SHIFT];
            if (chains == null) {
                return;
            }
            for (int e = chains.head(fp); e != 0; e = chains.entries[2 * (e - 1) + 1]) {
                int c = chains.entries[2 * (e - 1)];
                long t = cases[2 * c + 1];
                if (t >= from && t <= to) {
                    found.found(cases[2 * c], t);
                }
            }
        }

        long bytes() {
            long bytes = 8L * cases.length + idSet.bytes();
            for (Chains chains : shards) {
                if (chains != null) {
                    bytes += 4L * (chains.table.length + chains.entries.length);
                }
            }
            return bytes;
        }

        /**
         * One shard's fingerprints and entries. What a lookup reads together is stored side by side — a fingerprint
         * with its chain's head, an entry's case with the next entry — so that each step costs one cache miss.
         */
        private static final class Chains {
            /** Per fingerprint slot: the fingerprint (0: empty), then its newest entry + 1 (0: none). */
            int[] table = new int[2 * 64];

            int distinct;
            /** Per entry: its case, then the next (older) entry of its fingerprint + 1 (0: none). */
            int[] entries = new int[2 * 128];

            int entryCount;

            void add(int fp, int c) {
                if ((distinct + 1) * 4 > (table.length / 2) * 3) {
                    int[] old = table;
                    table = new int[old.length * 2];
                    for (int i = 0; i < old.length; i += 2) {
                        if (old[i] != 0) {
                            int slot = slot(old[i]);
                            table[slot] = old[i];
                            table[slot + 1] = old[i + 1];
                        }
                    }
                }
                if (2 * entryCount == entries.length) {
                    entries = java.util.Arrays.copyOf(entries, entries.length * 2);
                }
                int slot = slot(fp);
                if (table[slot] == 0) {
                    table[slot] = fp;
                    distinct++;
                }
                entries[2 * entryCount] = c;
                entries[2 * entryCount + 1] = table[slot + 1];
                table[slot + 1] = ++entryCount;
            }

            /** The newest entry + 1 under {@code fp} (0: none). */
            int head(int fp) {
                int slot = slot(fp);
                return table[slot] == 0 ? 0 : table[slot + 1];
            }

            /** The slot of {@code fp} (an even index of {@link #table}): where it is, or the empty one where it goes. */
            private int slot(int fp) {
                int mask = table.length / 2 - 1;
                int i = spread(fp) & mask;
                while (table[2 * i] != 0 && table[2 * i] != fp) {
                    i = (i + 1) & mask;
                }
                return 2 * i;
            }
        }

        private static int spread(long v) {
            long h = v * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
