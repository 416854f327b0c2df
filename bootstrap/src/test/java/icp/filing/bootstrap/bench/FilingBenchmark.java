package icp.filing.bootstrap.bench;

import icp.filing.adapters.grpc.cli.MaterialUploads;
import icp.filing.proto.provider.v1.MaterialKind;
import icp.filing.proto.provider.v1.ProviderFilingServiceGrpc;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import javax.sql.DataSource;

/**
 * Prints what the system does per second on this machine, beside what the database alone does: submissions over
 * gRPC, approvals over REST, public queries, and raw JDBC transactions of ten rows as the ceiling. It asserts
 * nothing; run it with {@code ./mvnw -q -Pbenchmark -pl bootstrap -am verify -DskipTests}.
 */
public final class FilingBenchmark {
    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    private static final int SUBMISSIONS = Integer.getInteger("bench.submissions", 2000);
    private static final int QUERIES = Integer.getInteger("bench.queries", 5000);
    private static final long IMPORT_SERVICES = Long.getLong("bench.import-services", 20_000);
    /**
     * At least this long unmeasured before the first figure over HTTP: the server's request path is large, and on two
     * cores shared with the load the JIT takes about a minute of it to compile (measured: 2,900 queries/s after 10 s,
     * 11,000 after 30 s, 17,800 after 60 s on the same build), as a freshly started production node would.
     */
    static final java.time.Duration HTTP_WARM_UP = java.time.Duration.ofSeconds(
            Long.getLong("bench.warm-up-seconds", 60));
    /** Before the raw ceilings (a few classes of the driver, compiled at once) and figures after the first. */
    static final java.time.Duration WARM_UP = java.time.Duration.ofSeconds(15);
    /** Rounds of submissions, confirmations and approvals, unmeasured, for at least this long before the first. */
    static final java.time.Duration WRITE_WARM_UP = java.time.Duration.ofSeconds(
            Long.getLong("bench.write-warm-up-seconds", 30));
    /**
     * After {@link #WRITE_WARM_UP}, rounds go on while the JIT compiled for more than {@link #JIT_SETTLED} of a core
     * in the last one, for at most this long (see {@link BenchJit}).
     */
    static final java.time.Duration WRITE_WARM_UP_MAX = java.time.Duration.ofSeconds(
            Long.getLong("bench.write-warm-up-max-seconds", 240));
    /**
     * Rounds also go on (within {@link #WRITE_WARM_UP_MAX}) until each kind of write ran this often: a method called
     * once per operation reaches C2 after 5,000-15,000 calls (Tier4InvocationThreshold, Tier4CompileThreshold), and
     * the JIT can look settled over a round while such methods still run as profiling tier-3 code.
     */
    static final int WRITE_WARM_UP_OPERATIONS = Integer.getInteger("bench.write-warm-up-operations", 15_000);
    /**
     * Timed submissions take their keys from here on, the warm-up's rounds from 10,000,000: values as long as the
     * warm-up's, since values of another length take branches the JIT has not seen.
     */
    private static final int TIMED_KEYS = 90_000_000;
    /** The JIT counts as settled below this share of one core. */
    static final double JIT_SETTLED = 0.15;
    private static final int LATENCY_SAMPLES = Integer.getInteger("bench.latency-samples", 20);
    /**
     * {@code reads}: only the import and the public figures, for working on the read path ({@code bench.breakdown}
     * adds where a public query's time goes).
     */
    private static final boolean READS_ONLY = "reads".equals(System.getProperty("bench.figures", "all"));
    /** {@code writes}: only submissions, confirmations and approvals, for working on the write path. */
    private static final boolean WRITES_ONLY = "writes".equals(System.getProperty("bench.figures", "all"));

    /** {@code start}: only the start to ready of the built jar, with and without its start archive. */
    private static final boolean START_ONLY = "start".equals(System.getProperty("bench.figures", "all"));
    private static final boolean START_FIGURE = START_ONLY || "all".equals(System.getProperty("bench.figures", "all"));

    private static final String STATEMENT_LOG = System.getProperty("bench.statement-log");
    private static final java.nio.file.Path DATA_DIR = java.nio.file.Path.of("target/mariadb-bench");

    private FilingBenchmark() {
    }

    /**
     * Runs every figure and exits: a failure is printed and ends the run with status 1 instead of leaving it waiting
     * on the threads the system started.
     */
    public static void main(String[] args) {
        int status = 0;
        try {
            measure();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static void measure() throws Exception {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                "icp.embedded-db.data-dir", DATA_DIR.toString(), "icp.embedded-db.fresh", true,
                "icp.embedded-db.stop-with-context", true,
                "icp.embedded-db.buffer-pool-size", System.getProperty("bench.buffer-pool", "1G"),
                // one client address asks everything: the bucket is still consulted, never empty
                "icp.public.rate-limit.capacity", 1_000_000_000, "icp.public.rate-limit.per-second", 1_000_000_000,
                // the relay on its thread, as in production: uploads to the national register, result events
                "icp.outbox.relay.enabled", true, "icp.outbox.relay.poll-interval", "100ms"));
        try (ApplicationContext context = ApplicationContext.run(settings, "test")) {
            context.getBean(EmbeddedServer.class).start();
            int grpcPort = context.getBean(GrpcEmbeddedServer.class).getPort();
            URI http = context.getBean(EmbeddedServer.class).getURI();
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), "demo-provider-key");
            var blocking = ProviderFilingServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
            var async = ProviderFilingServiceGrpc.newStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));

            System.out.printf("machine: %d cores, %d threads of load, MariaDB embedded%n",
                    Runtime.getRuntime().availableProcessors(), THREADS);
            // the bean is transaction-aware; the ceiling wants plain pooled connections
            DataSource raw = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
            if (START_FIGURE) {
                // first, while the database is idle and the outbox empty
                BenchStart.print(raw);
                if (START_ONLY) {
                    channel.shutdownNow();
                    return;
                }
            }
            Figure rawTransactions = jdbcCeiling(raw, "ceiling: raw JDBC tx of 10 inserts");

            ExecutorService httpThreads = Executors.newFixedThreadPool(THREADS);
            HttpClient client = HttpClient.newBuilder().executor(httpThreads).build();
            Figure submissions = null;
            Figure approvals = null;
            if (!READS_ONLY) {
                Figure[] writes = writes(context, raw, async, blocking, client, http);
                submissions = writes[0];
                approvals = writes[1];
            }
            if (WRITES_ONLY) {
                System.out.println("(the load generator runs on the same machine as the system and its database)");
                ratio("submit_vs_raw_tx", submissions, rawTransactions);
                ratio("approve_vs_raw_tx", approvals, rawTransactions);
                channel.shutdownNow();
                httpThreads.shutdownNow();
                return;
            }
            // the register at scale: a synthetic one imported, and the public queries spread over it
            double[] imported = BenchImport.importVersusRaw(context, raw, IMPORT_SERVICES);
            // two disjoint samples: one asked over and over (as hosting checks do), one asked once each
            List<String> sampled = BenchImport.sampleDomains((long) imported[2], 20_000);
            List<String> atScale = java.util.stream.IntStream.range(0, sampled.size()).filter(k -> k % 2 == 0)
                    .mapToObj(sampled::get).toList();
            List<String> askedOnce = java.util.stream.IntStream.range(0, sampled.size()).filter(k -> k % 2 == 1)
                    .mapToObj(sampled::get).toList();
            System.out.printf("public queries over %d imported domains of %d filings%n", atScale.size(),
                    (long) imported[2]);
            Figure pointSelects = BenchReads.pointSelects(raw, atScale, QUERIES);
            BenchHttp lean = new BenchHttp(http);
            Figure queries = warmedRun("public query by subdomain (REST)", QUERIES, i -> () -> lean.get(
                    "/api/v1/public/filings?q=" + URLEncoder.encode("www." + atScale.get(i % atScale.size()),
                            StandardCharsets.UTF_8)), HTTP_WARM_UP);
            if (Boolean.getBoolean("bench.breakdown")) {
                // after the warm-up of the public query, so that the HTTP parts are timed compiled as it was
                BenchReads.breakdown(context, lean, atScale, QUERIES);
            }
            // each domain asked for the first time: the answer is read from the database, not from memory
            Figure firstAsked = run("public query, domains not asked before", askedOnce.size(), i -> () -> lean.get(
                    "/api/v1/public/filings?q=" + URLEncoder.encode("www." + askedOnce.get(i), StandardCharsets.UTF_8)));
            int batches = Integer.getInteger("bench.batches", Math.max(20, QUERIES / 50));
            Figure setSelects = BenchReads.setSelects(raw, atScale, batches);
            Figure lookups = warmedRun("batch lookup of 100 domains (REST)", batches, i -> () -> lean.postJson(
                    "/api/v1/public/filings:batchLookup", BenchReads.batchBody(atScale, i)));
            System.out.println("(the load generator runs on the same machine as the system and its database)");
            BenchFootprint.print(raw, DATA_DIR);
            if (!READS_ONLY) {
                ratio("submit_vs_raw_tx", submissions, rawTransactions);
                ratio("approve_vs_raw_tx", approvals, rawTransactions);
            }
            ratio("public_query_vs_point_select", queries, pointSelects);
            ratio("public_query_first_asked_vs_point_select", firstAsked, pointSelects);
            ratio("batch_lookup_vs_set_select", lookups, setSelects);
            System.out.printf(java.util.Locale.ROOT, "ratio bulk_import_vs_raw_batched_insert=%.2f p99_ms=0%n",
                    imported[0] / imported[1]);
            channel.shutdownNow();
            httpThreads.shutdownNow();
        }
    }


    /** Submissions, SMS confirmations and approvals, then the latency from approval to the public and the provider. */
    private static Figure[] writes(ApplicationContext context, DataSource raw,
                                   ProviderFilingServiceGrpc.ProviderFilingServiceStub async,
                               ProviderFilingServiceGrpc.ProviderFilingServiceBlockingStub blocking,
                               HttpClient client, URI http) throws Exception {
        Map<MaterialKind, String> materials = new java.util.EnumMap<>(MaterialKind.class);
        for (MaterialKind kind : List.of(MaterialKind.MATERIAL_KIND_SUBJECT_CERTIFICATE,
                MaterialKind.MATERIAL_KIND_SUBJECT_PRINCIPAL_ID, MaterialKind.MATERIAL_KIND_VERIFICATION_FORM,
                MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_ID, MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_PHOTO)) {
            materials.put(kind, upload(async, kind));
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString("bj-reviewer:bureau-demo"
                .getBytes(StandardCharsets.UTF_8));
        var sms = context.getBean(icp.filing.bootstrap.RecordingSmsCentre.class);
        // the lean client, as for the reads: the JDK's costs about as much CPU per request as the server's answer
        BenchHttp lean = new BenchHttp(http);
        warmUpWrites(context, materials, blocking, lean, basic);
        statementLog(raw, STATEMENT_LOG);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> domainOf = new java.util.concurrent.ConcurrentHashMap<>();
        long[] statements = statements(raw);
        Figure submissions = run("submit new filing (gRPC)", SUBMISSIONS,
                submitting(blocking, materials, TIMED_KEYS, ids, domainOf));

        statements = perOperation(raw, statements, SUBMISSIONS);
        List<String[]> codes = sms.drain();
        run("SMS confirm (REST)", codes.size(), confirming(lean, codes));
        statements = perOperation(raw, statements, codes.size());
        // the last few are approved one by one afterwards, to time how soon the public and the provider see it
        List<String> timed = new ArrayList<>(ids.subList(ids.size() - Math.min(LATENCY_SAMPLES, ids.size() / 2),
                ids.size()));
        List<String> bulk = new ArrayList<>(ids.subList(0, ids.size() - timed.size()));
        Figure approvals = run("approve and publish (REST)", bulk.size(), approving(lean, basic, bulk));
        // the bulk's messages are a throughput matter; the latency is timed once they are out
        BenchLatency.awaitOutbox(context);
        perOperation(raw, statements, bulk.size());
        statementLog(raw, null);
        BenchLatency.approvalToPublicAndProvider(context, async, client, http, basic, timed, domainOf);
        return new Figure[] {submissions, approvals};
    }

    /**
     * Unmeasured rounds of the whole write path (submit, confirm, approve, and the relay's deliveries) for
     * {@link #WRITE_WARM_UP}, on subjects of their own, so that the writes are timed with their code compiled as the
     * reads are (the raw ceiling's few driver classes compile in its own warm-up).
     */
    private static void warmUpWrites(ApplicationContext context, Map<MaterialKind, String> materials,
                                     ProviderFilingServiceGrpc.ProviderFilingServiceBlockingStub blocking,
                                     BenchHttp lean, String basic) throws Exception {
        var sms = context.getBean(icp.filing.bootstrap.RecordingSmsCentre.class);
        long start = System.nanoTime();
        long until = start + WRITE_WARM_UP.toNanos();
        long latest = start + Math.max(WRITE_WARM_UP.toNanos(), WRITE_WARM_UP_MAX.toNanos());
        int rounds = 0;
        double jit = 1;
        for (int base = 10_000_000; System.nanoTime() < until || ((jit > JIT_SETTLED
                || (long) rounds * SUBMISSIONS < WRITE_WARM_UP_OPERATIONS) && System.nanoTime() < latest);
             base += SUBMISSIONS, rounds++) {
            BenchJit round = BenchJit.from();
            // the very operations the timed run sends, so that what the JIT compiles here is what it runs there
            unmeasuredRound(context, materials, blocking, lean, basic, SUBMISSIONS, base);
            jit = round.coreShare();
        }
        sms.drain();
        System.out.printf("writes warmed up: %d rounds of %d filings submitted, confirmed and approved in %d s; "
                        + "the JIT compiled for %.0f %% of a core in the last round%s%n", rounds, SUBMISSIONS,
                (System.nanoTime() - start) / 1_000_000_000L, jit * 100,
                jit > JIT_SETTLED ? " (not settled: the write figures include compiling)"
                        : (long) rounds * SUBMISSIONS < WRITE_WARM_UP_OPERATIONS ? " (fewer than "
                        + WRITE_WARM_UP_OPERATIONS + " of each: code may still reach C2 while timed)" : "");
    }

    /** Submits {@code count} filings from subject {@code firstKey} on, confirms and approves them, unmeasured. */
    private static void unmeasuredRound(ApplicationContext context, Map<MaterialKind, String> materials,
                                        ProviderFilingServiceGrpc.ProviderFilingServiceBlockingStub blocking,
                                        BenchHttp lean, String basic, int count, int firstKey) throws Exception {
        var sms = context.getBean(icp.filing.bootstrap.RecordingSmsCentre.class);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        unmeasured(count, submitting(blocking, materials, firstKey, ids, new java.util.concurrent.ConcurrentHashMap<>()));
        BenchLatency.awaitOutbox(context);
        List<String[]> codes = sms.drain();
        unmeasured(codes.size(), confirming(lean, codes));
        unmeasured(ids.size(), approving(lean, basic, ids));
        BenchLatency.awaitOutbox(context);
    }

    /**
     * {@code -Dbench.statement-log=FILE}: every statement the database receives during the measured writes goes to
     * the server's slow query log in FILE, with the rows it examined (to see what an operation sends and reads; slows
     * the run). The pool's connections are replaced so that they take {@code long_query_time} 0.
     */
    private static void statementLog(DataSource raw, String file) throws java.sql.SQLException {
        if (STATEMENT_LOG == null) {
            return;
        }
        try (Connection c = raw.getConnection(); var statement = c.createStatement()) {
            if (file != null) {
                statement.execute("SET GLOBAL slow_query_log_file = '" + file.replace("'", "") + "'");
                statement.execute("SET GLOBAL long_query_time = 0");
            }
            statement.execute("SET GLOBAL slow_query_log = " + (file == null ? "OFF" : "ON"));
        }
        if (file != null) {
            ((com.zaxxer.hikari.HikariDataSource) raw).getHikariPoolMXBean().softEvictConnections();
        }
    }

    private static void confirm(BenchHttp lean, String[] phoneAndCode) {
        lean.postJson("/api/v1/public/sms-verifications/confirm", "{\"phone\":\"" + phoneAndCode[0]
                + "\",\"code\":\"" + phoneAndCode[1] + "\",\"certificateTail\":\""
                + BenchFilings.certificateTail(phoneAndCode[0]) + "\"}");
    }

    private static void approve(BenchHttp lean, String basic, String applicationId) {
        lean.post("/api/v1/bureau/applications/" + applicationId + "/approve", "Authorization: " + basic + "\r\n",
                "");
    }

    /**
     * Statements the database has been sent so far, rows its handlers have read for them (by every client: the
     * system, its relay and this benchmark), and the CPU time this JVM and the database server have used.
     */
    private static long[] statements(DataSource raw) throws java.sql.SQLException {
        try (Connection c = raw.getConnection(); java.sql.ResultSet rs = c.createStatement().executeQuery(
                "SELECT SUM(IF(VARIABLE_NAME = 'QUESTIONS', VARIABLE_VALUE, 0)),"
                        + " SUM(IF(VARIABLE_NAME LIKE 'HANDLER\\_READ\\_%', VARIABLE_VALUE, 0))"
                        + " FROM information_schema.GLOBAL_STATUS")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), BenchFootprint.cpuNanos("self"),
                    BenchFootprint.cpuNanos(BenchFootprint.databasePid(DATA_DIR))};
        }
    }

    /**
     * Prints what each operation of the phase just measured cost: statements and rows read (its messages' delivery
     * included), and CPU — this JVM's (the system and the load generator together) and the database server's.
     */
    private static long[] perOperation(DataSource raw, long[] before, int operations) throws java.sql.SQLException {
        long[] now = statements(raw);
        double n = Math.max(1, operations);
        System.out.printf("  %.1f SQL statements and %.1f rows read per operation (with what the relay did meanwhile);"
                        + " CPU per operation: JVM %.2f ms (system and load generator), MariaDB %.2f ms%n",
                (now[0] - before[0]) / n, (now[1] - before[1]) / n, (now[2] - before[2]) / n / 1e6,
                (now[3] - before[3]) / n / 1e6);
        return statements(raw);
    }

    private static Figure jdbcCeiling(DataSource dataSource, String name) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_ceiling (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " payload VARCHAR(1500)) ENGINE=InnoDB");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        String payload = "x".repeat(1500);
        // timed over some seconds, not the fraction of one that as many as the submissions take: its figure moved
        // by half between runs
        return warmedRun(name, Math.max(SUBMISSIONS, 20_000), i -> () -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_ceiling (payload) VALUES (?)")) {
                    for (int row = 0; row < 10; row++) {
                        ps.setString(1, payload);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A measured figure: operations per second and the 99th percentile of their latency. */
    record Figure(double perSecond, double p99Millis) {
    }

    /**
     * As {@link #run}, after as many operations again unmeasured (on other keys where the operation takes its key
     * from its index), so that a read is timed with its code compiled, as the raw ceiling beside it is.
     */
    static Figure warmedRun(String name, int count, IntFunction<Runnable> operation) throws Exception {
        return warmedRun(name, count, operation, WARM_UP);
    }

    static Figure warmedRun(String name, int count, IntFunction<Runnable> operation, java.time.Duration warmUp)
            throws Exception {
        long until = System.nanoTime() + warmUp.toNanos();
        do {
            unmeasured(count, i -> operation.apply(count + i));
        } while (System.nanoTime() < until);
        return run(name, count, operation);
    }

    /** Runs {@code count} operations on {@link #THREADS} threads as {@link #run} does, printing nothing. */
    private static void unmeasured(int count, IntFunction<Runnable> operation) throws Exception {
        timed(count, operation);
    }

    /** Runs {@code count} operations on {@link #THREADS} threads and prints throughput and latency percentiles. */
    static Figure run(String name, int count, IntFunction<Runnable> operation) throws Exception {
        BenchJit jit = BenchJit.from();
        long start = System.nanoTime();
        long[] nanos = timed(count, operation);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf("%-40s %7d ops %9.1f ops/s   p50 %6.2f ms   p99 %6.2f ms   (JIT %.0f %% of a core)%n", name,
                count, count / seconds, sorted[count / 2] / 1e6, sorted[(int) (count * 0.99)] / 1e6,
                jit.coreShare() * 100);
        return new Figure(count / seconds, sorted[(int) (count * 0.99)] / 1e6);
    }

    /** Each operation's time, run on {@link #THREADS} threads (the warm-up goes through here too: the same code). */
    private static long[] timed(int count, IntFunction<Runnable> operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long[] nanos = new long[count];
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                operation.apply(index).run();
                nanos[index] = System.nanoTime() - t0;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        return nanos;
    }

    /** Submits the filings {@code firstKey + i}: ids in {@code ids}, each one's first domain in {@code domainOf}. */
    private static IntFunction<Runnable> submitting(ProviderFilingServiceGrpc.ProviderFilingServiceBlockingStub blocking,
                                                    Map<MaterialKind, String> materials, int firstKey, List<String> ids,
                                                    Map<String, String> domainOf) {
        return i -> () -> {
            SubmitApplicationRequest request = BenchFilings.request(firstKey + i, materials);
            String id = blocking.submitApplication(request).getApplication().getId();
            ids.add(id);
            domainOf.put(id, request.getNewFiling().getServices(0).getWebsite().getDomains(0));
        };
    }

    private static IntFunction<Runnable> confirming(BenchHttp lean, List<String[]> codes) {
        return i -> () -> confirm(lean, codes.get(i));
    }

    private static IntFunction<Runnable> approving(BenchHttp lean, String basic, List<String> ids) {
        return i -> () -> approve(lean, basic, ids.get(i));
    }

    /** The script-readable line: the system's figure as a share of the raw database's on the same machine. */
    private static void ratio(String name, Figure system, Figure raw) {
        System.out.printf(java.util.Locale.ROOT, "ratio %s=%.2f p99_ms=%.1f%n", name, system.perSecond() / raw.perSecond(),
                system.p99Millis());
    }

    private static String upload(ProviderFilingServiceGrpc.ProviderFilingServiceStub async, MaterialKind kind) {
        byte[] pdf = ("%PDF-1.4\n% benchmark " + kind + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        return MaterialUploads.upload(async, kind, pdf, MaterialUploads.sha256(pdf), "bench.pdf", 64 * 1024)
                .getMaterialId();
    }
}
