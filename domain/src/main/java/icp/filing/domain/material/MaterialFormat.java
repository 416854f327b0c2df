package icp.filing.domain.material;

import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;

/**
 * The file formats accepted for materials, recognised by their leading bytes ("magic numbers"), never by a
 * file name or a declared type, so a renamed executable cannot pass as a photo.
 */
public enum MaterialFormat {
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

    /** Enough leading bytes to tell every accepted format apart. */
    public static final int SIGNATURE_BYTES = 8;

    private final String mediaType;
    private final byte[] signature;

    MaterialFormat(String mediaType, byte[] signature) {
        this.mediaType = mediaType;
        this.signature = signature;
    }

    public String mediaType() {
        return mediaType;
    }

    public static MaterialFormat detect(byte[] head) {
        for (MaterialFormat format : values()) {
            if (startsWith(head, format.signature)) {
                return format;
            }
        }
        throw new InvalidValueException(Reason.UNSUPPORTED_MATERIAL_FORMAT,
                "材料须为 JPEG、PNG 或 PDF 文件 / only JPEG, PNG and PDF are accepted");
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
