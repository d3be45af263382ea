package dev.gatehouse.authentication;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.gatehouse.account.Account;
import dev.gatehouse.account.AccountErrorCodes;
import dev.gatehouse.account.AccountService;
import dev.gatehouse.authorization.Authorities;
import dev.gatehouse.authorization.AuthorizationService;
import dev.gatehouse.authorization.UserAuthorities;
import dev.gatehouse.error.NotFoundException;
import dev.gatehouse.session.ClientInfo;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.session.StartedSession;
import dev.gatehouse.token.AccessToken;
import dev.gatehouse.token.AccessTokenIssuer;
import dev.gatehouse.token.AccessTokenSubject;

/**
 * Signs users in and refreshes their tokens: checks the password, starts or rotates the session, and
 * issues an access token that carries the user's current roles and effective permissions.
 */
@Service
public class AuthenticationService {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationService.class);

    private final AccountService accounts;
    private final AuthorizationService authorization;
    private final SessionService sessions;
    private final AccessTokenIssuer accessTokens;
    private final SignInThrottle throttle;

    AuthenticationService(AccountService accounts, AuthorizationService authorization, SessionService sessions,
            AccessTokenIssuer accessTokens, SignInThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.authorization = authorization;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
    }

    /**
     * Checks the password and starts a session, bound to {@code client.clientId()} when that is set.
     * Failed checks are counted, and a sign-in beyond a limit is rejected before the password is checked.
     *
     * @throws InvalidCredentialsException for an unknown email or a wrong password
     * @throws TooManySignInAttemptsException when a failed sign-in limit of this email or address is reached
     */
    public TokenPair signIn(String email, String password, ClientInfo client) {
        SignInThrottle.Attempt attempt = throttle.attempt(email, client.address());
        throttle.check(attempt);

        Optional<Account> authenticated = accounts.authenticate(email, password);
        if (authenticated.isEmpty()) {
            throttle.recordFailure(attempt);
            log.debug("Sign-in failed from {}", client.address());
            throw new InvalidCredentialsException();
        }
        Account account = authenticated.get();
        throttle.recordSuccess(attempt);

        StartedSession session = sessions.start(account.id(), client);
        log.info("User {} signed in, session {}, client {}", account.id(), session.sessionId(), client.clientId());
        return issue(session);
    }

    /**
     * Exchanges a refresh token for a new token pair.
     *
     * @param clientId the authenticated OAuth client presenting the token, or null for none
     */
    public TokenPair refresh(String refreshToken, @Nullable String clientId) {
        return issue(sessions.refresh(refreshToken, clientId));
    }

    public void signOut(String refreshToken) {
        sessions.signOut(refreshToken);
    }

    private TokenPair issue(StartedSession session) {
        AccessToken accessToken = accessTokens.issue(subjectOf(session));
        return new TokenPair(accessToken.value(), session.refreshToken(), accessToken.lifetime().toSeconds());
    }

    /** Reads the user's email, roles and effective permissions now, so a refreshed token carries current grants. */
    private AccessTokenSubject subjectOf(StartedSession session) {
        UUID userId = session.userId();
        // NOTE: Gatehouse has no way to delete an account, so a live session always has its user.
        UserAuthorities user = authorization.userAuthoritiesOf(userId).orElseThrow(() -> new NotFoundException(
                AccountErrorCodes.USER_NOT_FOUND, "The user of this session no longer exists."));
        Authorities authorities = user.authorities();
        return new AccessTokenSubject(userId, user.email(), session.sessionId(), session.clientId(),
                authorities.roles(), authorities.permissions());
    }
}
