/**
 * The desk watching itself, so that nothing that arrives goes unseen: mail it quarantined
 * and mail it gave up delivering are told to the officers, and a short daily summary says
 * what waits on them.
 */
package id.go.trenggalekkab.csirt.oversight;
