package id.go.trenggalekkab.csirt.sop;

/**
 * What moves a case along an edge of the {@link SopGraph}: a command someone writes in a
 * subject, or an event the desk recognises (a handler's reply, a categorisation made complete).
 */
public sealed interface Trigger permits CommandWord, SopEvent {

    /** How people are told what to do: "#verifikasi", or what the event is. */
    String forPeople();
}
