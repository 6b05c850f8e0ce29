package id.go.trenggalekkab.csirt.indicator;

/**
 * Why an indicator is kept but not worth acting on alone: an address of a private network,
 * one reserved for documentation, or the desk's own domain. Kept all the same, since it
 * says something about the incident (an internal host, a mail loop).
 */
public enum Mark {
    NONE,
    PRIVATE,
    DOCUMENTATION,
    OWN
}
