package id.go.trenggalekkab.csirt.web;

import id.go.trenggalekkab.csirt.signin.SignInLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at start where the web view is and how one signs in, so a newcomer finds it. */
@Component
class WebViewAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(WebViewAnnouncement.class);

    private final SignInLinks links;
    private final boolean embeddedMail;

    WebViewAnnouncement(SignInLinks links, @Value("${csirt.embedded.mail:false}") boolean embeddedMail) {
        this.links = links;
        this.embeddedMail = embeddedMail;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        log.info("Web view: {}/masuk - sign in with an address of the directory; the desk mails a one-time link{}", links.baseUrl(),
                embeddedMail ? " (embedded GreenMail: read it over IMAP at 127.0.0.1:3143, login and password = the address)" : "");
    }
}
