package id.go.trenggalekkab.csirt.support;

/** The people of the shipped directory (config/directory.yml), as the tests write to the desk. */
public final class People {

    public static final String OFFICER = "petugas@trenggalekkab.go.id";
    /** The second officer, on the afternoon and Saturday duty. */
    public static final String PIKET = "piket@trenggalekkab.go.id";
    public static final String KABID = "kabid@trenggalekkab.go.id";
    public static final String KASI = "kasi@trenggalekkab.go.id";
    public static final String TTIS = "ttis@trenggalekkab.go.id";
    public static final String APH = "siber@polres-trenggalek.example";
    public static final String KADIS = "kadis@trenggalekkab.go.id";

    private People() {}
}
