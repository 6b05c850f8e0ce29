package id.go.trenggalekkab.csirt.access;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Who may open what over HTTP. The web view: only people of the directory, signed in by
 * a mailed link (the pages under /masuk are the only open ones), every form with a CSRF
 * token, a strict Content-Security-Policy (no script, no remote anything), no referrer.
 * The JSON API: a signed-in person or a person's own API token (and then
 * {@code CaseVisibility}'s rules), or the operator's token; open for reads only where {@code csirt.http.open-api} says so (the
 * embedded default, on 127.0.0.1). Health and metrics stay readable, as before.
 */
@Configuration
class WebSecurity {

    private static final Logger log = LoggerFactory.getLogger(WebSecurity.class);

    /** No script, no plug-in, no frame, no remote image or font: only the desk's own style sheet and images. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    SecurityFilterChain desk(HttpSecurity http, ApiToken token, Viewers viewers, PersonTokens personTokens, Clock clock,
                             @Value("${csirt.http.open-api:false}") boolean openApi,
                             @Value("${csirt.web.session-length}") Duration sessionLength) throws Exception {
        if (openApi) {
            log.warn("The JSON API answers reads without sign-in (csirt.http.open-api): only for a desk listening on 127.0.0.1");
        }
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.securityContext(context -> context.securityContextRepository(new HttpSessionSecurityContextRepository()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/masuk", "/masuk/**", "/web.css", "/error", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/**", "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers(api).access((authentication, request) -> new AuthorizationDecision(
                                (openApi && !ApiToken.isChange(request.getRequest()))
                                        || token.presentedIn(request.getRequest()) || viewers.current().isPresent()))
                        .anyRequest().access((authentication, request) -> new AuthorizationDecision(viewers.current().isPresent())))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/masuk"), AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler((request, response, denied) -> {
                            if (denied instanceof CsrfException) {
                                response.sendError(HttpServletResponse.SC_FORBIDDEN, "this form did not come from the desk's own page");
                            } else if (api.matches(request)) {
                                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "sign in, or present the API token");
                            } else {
                                response.sendRedirect(request.getContextPath() + "/masuk");
                            }
                        }))
                // the API's changes carry the operator's token, not a cookie: no CSRF to forge there
                .csrf(csrf -> csrf.ignoringRequestMatchers(api))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout
                        .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/keluar"))
                        .logoutSuccessUrl("/masuk?keluar"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.deny()))
                .addFilterAfter(new SessionLength(sessionLength, clock), SecurityContextHolderFilter.class)
                .addFilterAfter(new PersonTokenFilter(personTokens), SessionLength.class);
        return http.build();
    }
}
