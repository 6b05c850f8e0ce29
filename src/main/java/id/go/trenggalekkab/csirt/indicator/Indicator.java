package id.go.trenggalekkab.csirt.indicator;

/**
 * One indicator as found in a report: its type, its value in canonical form (refanged,
 * host names in lower-case ASCII, IPv6 compressed, hashes lower-case, CVE upper-case) and
 * its mark. The value is never shown to people as is: {@link #defanged()}.
 */
public record Indicator(IndicatorType type, String value, Mark mark) {

    /** The value made unclickable, as CSIRTs write indicators in mail and reports. */
    public String defanged() {
        return Defang.of(type, value);
    }

    /** A line for mail and reports, in Indonesian: "45[.]13[.]227[.]9 (IPV4)", "192[.]168[.]1[.]1 (IPV4, jaringan privat)". */
    public String forPeople() {
        return defanged() + " (" + type.name() + (mark == Mark.NONE ? "" : ", " + markInIndonesian()) + ")";
    }

    /** Why it is marked, in Indonesian; empty where it is not. */
    public String markInIndonesian() {
        return switch (mark) {
            case NONE -> "";
            case PRIVATE -> "jaringan privat";
            case DOCUMENTATION -> "alamat contoh/dokumentasi";
            case OWN -> "milik instansi sendiri";
        };
    }
}
