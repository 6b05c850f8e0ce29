package id.go.trenggalekkab.csirt.mail;

/**
 * The desk's own loop header, on every message it sends. Mail that comes back carrying
 * it (an autoresponder quoting the desk, a forward) is recognised and never answered.
 */
public final class LoopHeader {

    public static final String NAME = "X-TTIS-Loop";

    private LoopHeader() {}
}
