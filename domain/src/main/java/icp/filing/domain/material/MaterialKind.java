package icp.filing.domain.material;

/** 真实性核验材料: the kinds of verification document, and whether each belongs to the subject or a service. */
public enum MaterialKind {
    SUBJECT_CERTIFICATE("主体证件", Owner.SUBJECT),
    SUBJECT_SUPPLEMENT("主体其他材料", Owner.SUBJECT),
    SUBJECT_PRINCIPAL_ID("主体负责人证件", Owner.SUBJECT),
    SUBJECT_PRINCIPAL_PHOTO("主体负责人现场照片", Owner.SUBJECT),
    VERIFICATION_FORM("备案信息真实性核验单", Owner.SUBJECT),
    SERVICE_SUPPLEMENT("服务其他材料", Owner.SERVICE),
    SERVICE_PRINCIPAL_ID("服务负责人证件", Owner.SERVICE),
    SERVICE_PRINCIPAL_PHOTO("服务负责人现场照片", Owner.SERVICE),
    PRE_APPROVAL_DOCUMENT("前置审批文件", Owner.SERVICE),
    NAME_APPROVAL_DOCUMENT("名称使用批准文件", Owner.SERVICE);

    public enum Owner { SUBJECT, SERVICE }

    private final String chineseName;
    private final Owner owner;

    MaterialKind(String chineseName, Owner owner) {
        this.chineseName = chineseName;
        this.owner = owner;
    }

    public String chineseName() {
        return chineseName;
    }

    public Owner owner() {
        return owner;
    }
}
