package icp.filing.bootstrap.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.adapters.ministry.RegisterFiles;
import icp.filing.application.port.NationalFiling;
import icp.filing.domain.number.FilingNumber;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A register generated from a first index far from another's shares nothing with it that must be unique. */
class RegisterToolsTest {
    @TempDir
    Path dir;

    @Test
    void registersFromIndicesFarApartShareNoNumberDomainOrSubject() throws Exception {
        Set<String> first = keys(dir.resolve("first.pb"), 0);
        Set<String> far = keys(dir.resolve("far.pb"), 200_000_000);

        assertTrue(first.size() > 1_000, "keys of the first register: " + first.size());
        Set<String> shared = new HashSet<>(first);
        shared.retainAll(far);
        assertEquals(0, shared.size(), "shared, e.g. " + shared.stream().limit(5).toList());
    }

    /** Subject and service numbers (each parsed: six-digit serials), domains and identity hashes of a register. */
    private static Set<String> keys(Path file, long firstIndex) throws Exception {
        RegisterTools.generate(file, 500, 12, firstIndex);
        Set<String> keys = new HashSet<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Iterator<NationalFiling> filings = RegisterFiles.read(in); filings.hasNext(); ) {
                NationalFiling filing = filings.next();
                FilingNumber.parse(filing.subjectNumber());
                keys.add(filing.subjectNumber());
                keys.add(filing.subjectIdentitySha256());
                for (NationalFiling.Service service : filing.services()) {
                    FilingNumber.parse(service.number());
                    keys.add(service.number());
                    keys.addAll(service.domains());
                }
            }
        }
        return keys;
    }
}
