package icp.filing.domain.service;

import icp.filing.domain.common.Province;
import java.util.List;
import java.util.Objects;

/** 接入: how the submitting provider hosts one service. */
public record Access(AccessMethod method, List<IpAddress> ipAddresses, Province serverLocation) {
    public Access {
        Objects.requireNonNull(method, "method");
        ipAddresses = List.copyOf(ipAddresses);
    }
}
