package icp.filing.domain.application;

import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.util.Objects;

/**
 * A provider's request id and the digest of the request it came with. Sent again with the same request, it returns
 * the first answer (a safe retry); sent with a different request, it is refused: silently answering with the first
 * application would hide the provider's mistake.
 */
public record IdempotencyKey(String requestId, String requestDigest) {
    public static final int MAX_LENGTH = 64;

    public IdempotencyKey {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(requestDigest, "requestDigest");
        if (requestId.isEmpty() || requestId.length() > MAX_LENGTH) {
            throw new InvalidValueException(Reason.TOO_LONG, "请求号最多 " + MAX_LENGTH + " 个字符 / at most "
                    + MAX_LENGTH + " characters");
        }
    }

    /**
     * The same request id again: fine if it carries the same request, refused otherwise. Applications stored before
     * digests were kept have an empty one, and cannot tell; they answer as before, with the first application.
     */
    public void checkRetryOf(IdempotencyKey earlier) {
        if (!earlier.requestDigest.isEmpty() && !requestDigest.equals(earlier.requestDigest)) {
            throw new AlreadyExistsException(Reason.REQUEST_ID_REUSED, "请求号 " + requestId
                    + " 已用于另一个内容不同的请求 / this request id was used for a different request");
        }
    }
}
