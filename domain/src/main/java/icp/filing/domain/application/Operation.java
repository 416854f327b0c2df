package icp.filing.domain.application;

/** What an application asks for: the kind of its {@link FilingRequest}. */
public enum Operation {
    /** 首次备案: a new subject with at least one service. */
    NEW_FILING("首次备案"),
    /** 新增网站/APP: more services under a filed subject. */
    ADD_SERVICES("新增服务"),
    /** 变更主体: the subject's address, principal, contacts; its name and certificate with new material. */
    CHANGE_SUBJECT("变更主体"),
    /** 变更网站/APP: a filed service's name, principal, content; a website's domains may shrink. */
    CHANGE_SERVICE("变更服务"),
    /** 注销网站/APP. */
    CANCEL_SERVICE("注销服务"),
    /** 注销主体: the subject and all its services. */
    CANCEL_SUBJECT("注销主体"),
    /** 新增接入: another provider starts hosting a filed service. */
    ADD_ACCESS("新增接入");

    private final String chineseName;

    Operation(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
