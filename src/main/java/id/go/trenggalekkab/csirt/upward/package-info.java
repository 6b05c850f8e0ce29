/**
 * The report upward (BSSN regulation 1/2024, art. 15): a high-priority incident, or one on
 * a system marked vital, is reported to the sectoral CSIRT, copying the national one. The
 * officers get a draft; {@code #lapor-bssn} sends it; an incident on a vital system carries
 * its 1×24-hour deadline as a timer with a reminder and escalations, stopped by the sending.
 */
package id.go.trenggalekkab.csirt.upward;
