package icp.filing.application.port;

import icp.filing.domain.common.Province;

/** Hands out subject serials; two concurrent callers never get the same serial for one province and year. */
public interface FilingNumbers {
    /**
     * The next serial (from 1) of the province and year, taken inside the caller's transaction so that a
     * rolled-back approval does not burn a number.
     */
    int nextSerial(Province province, int year);
}
