package icp.filing.application.usecase;

import icp.filing.application.port.NationalFiling;
import icp.filing.application.port.NationalRegister;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

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
        List<NationalFiling> batch = new ArrayList<>(batchSize);
        while (filings.hasNext() && (maxBatches == 0 || batches < maxBatches)) {
            batch.add(filings.next());
            if (batch.size() == batchSize || !filings.hasNext()) {
                register.importBatch(source, done + imported + batch.size(), batch);
                imported += batch.size();
                batches++;
                batch = new ArrayList<>(batchSize);
            }
        }
        return new Imported(skipped, imported);
    }
}
