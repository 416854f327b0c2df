package icp.filing.domain.error;

import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.domain.application.ReturnReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Clients branch on reason codes, so each one must be explained in docs/reason-codes.md. */
class ReasonCodesDocumentedTest {

    @Test
    void everyReasonAndReturnReasonIsInTheTable() throws IOException {
        String document = Files.readString(Path.of("..", "docs", "reason-codes.md"));
        String table = document.split("## Return reasons")[0];
        String returnTable = document.substring(table.length());
        for (Reason reason : Reason.values()) {
            assertTrue(table.contains("| `" + reason.name() + "` |"), reason + " is not documented");
        }
        for (ReturnReason reason : ReturnReason.values()) {
            assertTrue(returnTable.contains("| `" + reason.name() + "` |"), reason + " is not documented");
        }
    }
}
