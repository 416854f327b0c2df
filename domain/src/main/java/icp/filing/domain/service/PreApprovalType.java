package icp.filing.domain.service;

/** 前置审批: content that may only be offered after a competent authority's approval. */
public enum PreApprovalType {
    NEWS("新闻"),
    PUBLISHING("出版"),
    DRUGS_AND_MEDICAL_DEVICES("药品和医疗器械"),
    CULTURE("文化"),
    RADIO_FILM_TV("广播电影电视节目"),
    EDUCATION("教育"),
    MEDICAL_CARE("医疗保健"),
    ELECTRONIC_BULLETIN("电子公告服务"),
    ONLINE_RIDE_HAILING("网络预约出租汽车"),
    INTERNET_FINANCE("互联网金融"),
    OFF_CAMPUS_TRAINING("校外培训"),
    RELIGION("宗教");

    private final String chineseName;

    PreApprovalType(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The wire code: position in this list from 1, as in the protobuf enum. */
    public int code() {
        return ordinal() + 1;
    }

    public static PreApprovalType byCode(int code) {
        if (code < 1 || code > values().length) {
            throw new icp.filing.domain.error.InvalidValueException(icp.filing.domain.error.Reason.UNKNOWN_CODE,
                    "unknown pre-approval type " + code);
        }
        return values()[code - 1];
    }
}
