package icp.filing.application.usecase;

import icp.filing.application.port.NationalFiling;
import icp.filing.application.port.NationalRegister;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Imports an existing register into the national register, batch by batch, each batch and the position reached
 * committed together: run again on the same source after a crash, it skips what was committed and goes on.
 */
@Singleton
public final class ImportRegister {
    private final NationalRegister register;

    public ImportRegister(NationalRegister register) {
        this.register = register;
    }

    /** What an import did: filings read and imported now, skipped as imported before. */
    public record Imported(long skipped, long imported) {
    }

    /**
     * Reading and writing overlap: the next batch is read (and its filings decoded and checked) on a thread of its
     * own while the database writes the one before; batches are still written one at a time, in order, each with
     * its position.
     *
     * @param source     the source's stable name (a file's path and size): the key of its progress
     * @param maxBatches stop after this many batches (0: read to the end)
     */
    public Imported run(String source, Iterator<NationalFiling> filings, int batchSize, int maxBatches) {
        long done = register.imported(source);
        long skipped = 0;
        while (skipped < done && filings.hasNext()) {
            filings.next();
            skipped++;
        }
        long imported = 0;
        int batches = 0;
        try (Reading reading = new Reading(filings, batchSize)) {
            for (List<NationalFiling> batch = reading.next(); !batch.isEmpty()
                    && (maxBatches == 0 || batches < maxBatches); batch = reading.next()) {
                register.importBatch(source, done + imported + batch.size(), batch);
                imported += batch.size();
                batches++;
            }
        }
        return new Imported(skipped, imported);
    }

    /** Batches read ahead by one thread, at most two waiting; a failure to read is thrown where the batch is taken. */
    private static final class Reading implements AutoCloseable {
        private static final List<NationalFiling> END = List.of();
        private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(2);
        private final Thread reader;

        Reading(Iterator<NationalFiling> filings, int batchSize) {
            reader = new Thread(() -> {
                try {
                    while (filings.hasNext()) {
                        List<NationalFiling> batch = new ArrayList<>(batchSize);
                        while (batch.size() < batchSize && filings.hasNext()) {
                            batch.add(filings.next());
                        }
                        ready.put(batch);
                    }
                    ready.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException | Error e) {
                    try {
                        ready.put(e);
                    } catch (InterruptedException closed) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "register-import-reader");
            reader.setDaemon(true);
            reader.start();
        }

        @SuppressWarnings("unchecked")
        List<NationalFiling> next() {
            try {
                Object taken = ready.take();
                if (taken instanceof RuntimeException e) {
                    throw e;
                }
                if (taken instanceof Error e) {
                    throw e;
                }
                return (List<NationalFiling>) taken;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("register import interrupted", e);
            }
        }

        /** Stops reading ahead when the import ends early (a cut, or a failed batch). */
        @Override
        public void close() {
            reader.interrupt();
        }
    }
}
