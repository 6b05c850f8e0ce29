package id.go.trenggalekkab.csirt.indicator;

/** What an indicator of compromise is, as the desk extracts and stores it. */
public enum IndicatorType {
    IPV4,
    IPV6,
    DOMAIN,
    URL,
    EMAIL,
    MD5,
    SHA1,
    SHA256,
    CVE
}
