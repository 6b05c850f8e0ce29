/**
 * Which instance of the desk holds what, when more than one runs against one database and
 * one mailbox: the intake lease in PostgreSQL, offered to Camel as a cluster service so
 * that the mailbox-intake route runs on its holder only, and the instances' heartbeats.
 */
package id.go.trenggalekkab.csirt.cluster;
