package icp.filing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import icp.filing.application.port.NationalFiling;
import icp.filing.application.port.NationalRegister;
import icp.filing.application.usecase.ImportRegister;
import icp.filing.domain.common.Province;
import icp.filing.domain.service.AppIdentity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The import reads ahead on a thread of its own; batches are still written in order, each with its position. */
class ImportRegisterTest {
    /** Records the batches as the register would commit them. */
    private static final class Recorded implements NationalRegister {
        final List<Long> positions = new ArrayList<>();
        final List<String> numbers = new ArrayList<>();

        @Override
        public NationalFiling.Uploaded apply(NationalFiling filing) {
            throw new UnsupportedOperationException();
        }

        @Override
        public NationalFiling.Registered check(Collection<String> domains, Collection<AppIdentity> apps, String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void importBatch(String source, long position, List<NationalFiling> filings) {
            positions.add(position);
            filings.forEach(f -> numbers.add(f.subjectNumber()));
        }

        @Override
        public long imported(String source) {
            return positions.isEmpty() ? 0 : positions.get(positions.size() - 1);
        }
    }

    private static NationalFiling filing(long i) {
        return new NationalFiling("京ICP备" + (2024000000 + i) + "号", 1, Province.BEIJING, "0".repeat(64), true,
                "合成单位" + i, false, "企业", List.of());
    }

    @Test
    void batchesAreWrittenInOrderWithTheirPositionsAndAResumeGoesOn() {
        Recorded register = new Recorded();
        ImportRegister importer = new ImportRegister(register);
        List<NationalFiling> source = LongStream.range(0, 25).mapToObj(ImportRegisterTest::filing).toList();

        assertEquals(new ImportRegister.Imported(0, 10), importer.run("f", source.iterator(), 5, 2));
        assertEquals(List.of(5L, 10L), register.positions);
        assertEquals(new ImportRegister.Imported(10, 15), importer.run("f", source.iterator(), 5, 0));
        assertEquals(List.of(5L, 10L, 15L, 20L, 25L), register.positions);
        assertEquals(source.stream().map(NationalFiling::subjectNumber).toList(), register.numbers);
    }

    @Test
    void aFilingThatCannotBeReadStopsTheImportAfterTheBatchesBeforeIt() {
        Recorded register = new Recorded();
        IllegalArgumentException unreadable = new IllegalArgumentException("filing 13 is malformed");
        Iterator<NationalFiling> source = new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < 25;
            }

            @Override
            public NationalFiling next() {
                if (next == 13) {
                    throw unreadable;
                }
                return filing(next++);
            }
        };
        assertSame(unreadable, assertThrows(IllegalArgumentException.class,
                () -> new ImportRegister(register).run("f", source, 5, 0)));
        assertEquals(List.of(5L, 10L), register.positions, "nothing of the batch holding the bad filing");
    }
}
