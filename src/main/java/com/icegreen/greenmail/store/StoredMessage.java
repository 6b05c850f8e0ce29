/*
 * Copyright (c) 2014 Wael Chatila / Icegreen Technologies. All Rights Reserved.
 * This software is released under the Apache license 2.0
 * This file has been modified by the copyright holder.
 * Original file can be found at http://james.apache.org
 *
 * Modified for csirt-maildesk (GreenMail 2.1.7's class, in its package, ahead of it on the
 * class path): the IMAP attributes are worked out when a FETCH first asks for them, not as
 * the message is stored. See the class comment.
 */
package com.icegreen.greenmail.store;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.Date;

/**
 * A mail message with all the extra stuff that IMAP requires.
 * This is just a placeholder object, while I work out what's really required. A common
 * way of handling *all* messages needs to be available for James (maybe MovingMessage?)
 *
 * @author Darrell DeBoer <darrell@apache.org>
 * @version $Revision: 109034 $
 *
 * <p>csirt-maildesk: GreenMail works out every stored message's IMAP attributes (envelope,
 * body structure, line counts of every part) as it stores it, and again each time it moves
 * it to another folder; in a flood on the embedded default that was most of GreenMail's CPU
 * (every report delivered and moved to Processed, every mail the desk sends delivered to
 * its recipient's mailbox), for attributes only FETCH ENVELOPE, BODY, BODYSTRUCTURE,
 * RFC822.SIZE and INTERNALDATE read, which the desk never asks for. They are now worked out
 * on first use, from the stored copy of the message, and kept. Only the embedded default
 * and the tests run GreenMail; a real IMAP server is untouched.
 */
public class StoredMessage {
    private UidAwareMimeMessage mimeMessage;
    private Date receivedDate;
    private long uid;
    private volatile SimpleMessageAttributes attributes;

    /**
     * Wraps a mime message and provides support for uid.
     * Required for searching.
     *
     * @see com.icegreen.greenmail.imap.commands.SearchTermBuilder.UidSearchTerm
     */
    public static class UidAwareMimeMessage extends MimeMessage {
        private long uid;
        private Date receivedDate;

        public UidAwareMimeMessage(MimeMessage source, long uid, Date receivedDate) throws MessagingException {
            super(source);
            this.uid = uid;
            this.receivedDate = receivedDate;
        }

        @Override
        public Date getReceivedDate() {
            return receivedDate;
        }

        /**
         * @return the UID.
         */
        public long getUid() {
            return uid;
        }

        /**
         * Updates the MSN.
         *
         * @param messageNumber the MSN.
         */
        public void updateMessageNumber(int messageNumber) {
            setMessageNumber(messageNumber);
        }
    }

    StoredMessage(MimeMessage mimeMessage,
            Date receivedDate, long uid) {
        this.receivedDate = receivedDate;
        this.uid = uid;
        try {
            this.mimeMessage = new UidAwareMimeMessage(mimeMessage, uid, receivedDate);
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not parse mime message " + mimeMessage + " with uid " + uid, e);
        }
    }

    public MimeMessage getMimeMessage() {
        return mimeMessage;
    }

    public Flags getFlags() {
        try {
            return getMimeMessage().getFlags();
        } catch (MessagingException e) {
            throw new IllegalStateException("Can not access flags", e);
        }
    }

    public boolean isSet(Flags.Flag flag) {
        try {
            return getMimeMessage().isSet(flag);
        } catch (MessagingException e) {
            throw new IllegalStateException("Can not access flag " + flag, e);
        }
    }

    public void setFlag(Flags.Flag flag, boolean value) {
        try {
            getMimeMessage().setFlag(flag, value);
        } catch (MessagingException e) {
            throw new IllegalStateException("Can not set flag " + flag + " to " + value, e);
        }
    }

    public void setFlags(Flags flags, boolean value) {
        try {
            getMimeMessage().setFlags(flags, value);
        } catch (MessagingException e) {
            throw new IllegalStateException("Can not set flags " + flags + " to " + value, e);
        }
    }

    public Date getReceivedDate() {
        return receivedDate;
    }

    public long getUid() {
        return uid;
    }

    public MailMessageAttributes getAttributes() {
        SimpleMessageAttributes known = attributes;
        if (known == null) {
            synchronized (this) {
                known = attributes;
                if (known == null) {
                    try {
                        known = new SimpleMessageAttributes(mimeMessage, receivedDate);
                    } catch (MessagingException e) {
                        throw new IllegalStateException("Could not parse mime message " + mimeMessage + " with uid " + uid, e);
                    }
                    attributes = known;
                }
            }
        }
        return known;
    }

    /**
     * Updates the MSN.
     *
     * @param messageNumber the MSN.
     */
    public void updateMessageNumber(int messageNumber) {
        mimeMessage.updateMessageNumber(messageNumber);
    }
}
