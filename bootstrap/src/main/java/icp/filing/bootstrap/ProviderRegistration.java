package icp.filing.bootstrap;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/** One configured access provider: its id, display name and the SHA-256 (hex) of its API key. */
@EachProperty("icp.providers")
public final class ProviderRegistration {
    private final String id;
    private String name;
    private String apiKeySha256;
    private String clientCertificateSubject;

    public ProviderRegistration(@Parameter String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getApiKeySha256() {
        return apiKeySha256;
    }

    public void setApiKeySha256(String apiKeySha256) {
        this.apiKeySha256 = apiKeySha256;
    }

    /** With gRPC client certificates on: the subject the provider's certificate must carry, e.g. CN=cloud.example. */
    public String getClientCertificateSubject() {
        return clientCertificateSubject;
    }

    public void setClientCertificateSubject(String clientCertificateSubject) {
        this.clientCertificateSubject = clientCertificateSubject;
    }
}
