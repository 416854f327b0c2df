package icp.filing.domain.application;

/** What an application asks for. Later operations (add service, change, cancel …) join this list. */
public enum Operation {
    /** 首次备案: a new subject with at least one service. */
    NEW_FILING
}
