package cn.beian.platform.security;

/** Realm roles carried in Keycloak tokens ({@code realm_access.roles}). */
public final class Roles {

    /** Sees and acts on its own account's data only. */
    public static final String APPLICANT = "applicant";
    /** Works the review queue; reads the materials of cases under review. */
    public static final String REVIEWER = "reviewer";
    /** Staff recording the administration's outcomes by hand. */
    public static final String AUTHORITY = "authority";
    public static final String ADMIN = "admin";
    /** Machine clients of the other Beian services (client-credentials grant). */
    public static final String SERVICE = "service";
    /** The edge gateway asking the access policy. */
    public static final String EDGE_GATEWAY = "edge-gateway";

    private Roles() {
    }
}
