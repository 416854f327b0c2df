package icp.filing.application.usecase;

import icp.filing.application.command.FilingChangeCommand;
import icp.filing.application.command.NewFilingCommand;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a request without its request id, to tell a retry from a different request under the same id.
 * Commands are records of strings, numbers and lists, whose record notation prints every component in order: a
 * canonical form without a serialiser of its own.
 */
final class RequestDigest {
    private RequestDigest() {
    }

    static String of(NewFilingCommand command) {
        return sha256(new NewFilingCommand(null, command.subject(), command.services()));
    }

    static String of(FilingChangeCommand command) {
        return sha256(new FilingChangeCommand(null, command.operation(), command.number(), command.subject(),
                command.services(), command.materialIds()));
    }

    private static String sha256(Record content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
