package id.go.trenggalekkab.csirt.indicator;

/**
 * A case's indicators changed: a message brought new ones, or an officer added or removed
 * one. Published inside the transaction that changed them, so what it causes (a case found
 * on a vital system, its 1×24-hour timer) commits with them or not at all.
 */
public record IndicatorsChanged(long ticketId) {}
