package icp.filing.adapters.rest;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/**
 * A bureau user from configuration ({@code icp.bureau.users.<username>.province / password-hash / supervisor /
 * administrator}): a reviewer, with {@code supervisor: true} also a supervisor (监管: revocation), and with
 * {@code administrator: true} also an administrator of the system (the outbox of every channel).
 */
@EachProperty("icp.bureau.users")
public final class BureauUser {
    private final String username;
    private String province;
    private String passwordHash;
    private boolean supervisor;
    private boolean administrator;

    public BureauUser(@Parameter String username) {
        this.username = username;
    }

    public String getUsername() {
        return username;
    }

    public String getProvince() {
        return province;
    }

    public void setProvince(String province) {
        this.province = province;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean isSupervisor() {
        return supervisor;
    }

    public void setSupervisor(boolean supervisor) {
        this.supervisor = supervisor;
    }

    public boolean isAdministrator() {
        return administrator;
    }

    public void setAdministrator(boolean administrator) {
        this.administrator = administrator;
    }
}
