package dev.minstrel.server.api.web;

import dev.minstrel.server.accounts.invites.Invite;
import dev.minstrel.server.accounts.invites.Invites;
import dev.minstrel.server.api.ApiException;
import dev.minstrel.server.security.ClientAddressFilter;
import dev.minstrel.server.security.LoginThrottle;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;

/**
 * Whether an invite code can still be used, asked by the join page before it shows the sign-up
 * form, without signing in. A code is 96 random bits, so saying why a known code is not usable
 * gives nothing away; unknown codes count against the address like failed logins, so nobody can
 * search for codes here.
 */
@RestController
public class JoinController {

    private final Invites invites;
    private final LoginThrottle throttle;
    private final Clock clock;

    public JoinController(Invites invites, LoginThrottle throttle, Clock clock) {
        this.invites = invites;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** The page a friend opens to sign up with this code. */
    public static String joinPath(String code) {
        return "/join/" + code;
    }

    /** @param reason null when usable, else {@code used}, {@code expired} or {@code revoked} */
    public record InviteCheck(boolean usable, String reason, String role, Instant expiresAt) {

        static InviteCheck of(Invite invite, Instant now) {
            String reason = invite.revoked() ? "revoked" : !now.isBefore(invite.expiresAt()) ? "expired"
                    : invite.uses() >= invite.maxUses() ? "used" : null;
            return new InviteCheck(reason == null, reason, invite.role().key(), invite.expiresAt());
        }
    }

    @GetMapping("/api/join/{code}")
    public Mono<InviteCheck> check(@PathVariable String code, ServerWebExchange exchange) {
        String address = ClientAddressFilter.of(exchange);
        return throttle.check(address, null)
                .then(invites.find(code))
                .map(invite -> InviteCheck.of(invite, clock.instant()))
                .switchIfEmpty(Mono.defer(() -> throttle.failed(address, null)
                        .then(Mono.error(ApiException.notFound("There is no such invite: check the link")))));
    }
}
