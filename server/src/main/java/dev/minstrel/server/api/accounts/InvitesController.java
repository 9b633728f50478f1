package dev.minstrel.server.api.accounts;

import dev.minstrel.server.accounts.invites.Invite;
import dev.minstrel.server.accounts.invites.Invites;
import dev.minstrel.server.api.ApiException;
import dev.minstrel.server.api.Caller;
import dev.minstrel.server.api.web.JoinController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

/** The owner's invite codes. */
@RestController
@RequestMapping("/api/invites")
public class InvitesController {

    private final Invites invites;

    public InvitesController(Invites invites) {
        this.invites = invites;
    }

    public record NewInvite(String role, Boolean download, Boolean ingest, String note, Integer maxUses,
                            Instant expiresAt) {
    }

    /** An invite as listed, with the page a friend opens to sign up with it. */
    public record InviteView(String code, String signupPath, String role, boolean download, boolean ingest,
                             String note, int maxUses, int uses, Instant expiresAt, boolean revoked, boolean usable,
                             String createdBy, Instant createdAt, List<Invite.Use> usedBy) {

        static InviteView of(Invite invite) {
            return new InviteView(invite.code(), JoinController.joinPath(invite.code()), invite.role().key(),
                    invite.canDownload(), invite.canIngest(), invite.note(), invite.maxUses(), invite.uses(),
                    invite.expiresAt(), invite.revoked(), invite.usableAt(Instant.now()), invite.createdBy(),
                    invite.createdAt(), invite.usedBy());
        }
    }

    @GetMapping
    public Flux<InviteView> list(Caller caller) {
        caller.requireOwner();
        return invites.list().map(InviteView::of);
    }

    @PostMapping
    public Mono<ResponseEntity<InviteView>> create(Caller caller, @RequestBody NewInvite request) {
        caller.requireOwner();
        Invites.Request wanted = new Invites.Request(RoleNames.parse(request.role()), request.download(),
                request.ingest(), request.note(), request.maxUses(), request.expiresAt());
        return invites.create(caller.account(), wanted)
                .map(invite -> ResponseEntity.status(HttpStatus.CREATED).body(InviteView.of(invite)));
    }

    @DeleteMapping("/{code}")
    public Mono<ResponseEntity<Void>> revoke(Caller caller, @PathVariable String code) {
        caller.requireOwner();
        return invites.revoke(code).flatMap(revoked -> revoked
                ? Mono.just(ResponseEntity.noContent().<Void>build())
                : Mono.error(ApiException.notFound("There is no invite " + code)));
    }
}
