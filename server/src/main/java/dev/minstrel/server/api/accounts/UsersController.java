package dev.minstrel.server.api.accounts;

import dev.minstrel.server.accounts.AccountDeleted;
import dev.minstrel.server.accounts.Accounts;
import dev.minstrel.server.accounts.sessions.Sessions;
import dev.minstrel.server.api.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The owner's view of every user: grants, disabling, deleting. */
@RestController
@RequestMapping("/api/users")
public class UsersController {

    private final Accounts accounts;
    private final Sessions sessions;
    private final ApplicationEventPublisher events;

    public UsersController(Accounts accounts, Sessions sessions, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.events = events;
    }

    /** Any field may be left out; {@code password} sets a new one for a user who forgot theirs. */
    public record UserChange(String role, Boolean enabled, Boolean download, Boolean ingest, String password) {

        @Override
        public String toString() {
            return "UserChange[" + role + ", " + enabled + ", " + download + ", " + ingest + "]";
        }
    }

    @GetMapping
    public Flux<UserView> list(Caller caller) {
        caller.requireOwner();
        return accounts.all().map(UserView::of);
    }

    /**
     * Disabling a user, or setting their password, ends their web sessions; their API keys stop
     * working while they are disabled.
     */
    @PatchMapping("/{username}")
    public Mono<UserView> change(Caller caller, @PathVariable String username, @RequestBody UserChange change) {
        caller.requireOwner();
        Accounts.AccessChange access = new Accounts.AccessChange(RoleNames.parse(change.role()),
                change.enabled(), change.download(), change.ingest());
        Mono<?> password = change.password() == null ? Mono.empty()
                : accounts.resetPassword(caller.account(), username, change.password())
                        .flatMap(account -> sessions.endAll(account.id(), null));
        return password.then(accounts.changeAccess(caller.account(), username, access))
                .flatMap(account -> (account.enabled() && change.password() == null ? Mono.<Void>empty()
                        : sessions.endAll(account.id(), null))
                        .thenReturn(UserView.of(account)));
    }

    @DeleteMapping("/{username}")
    public Mono<ResponseEntity<Void>> delete(Caller caller, @PathVariable String username,
                                             @RequestParam(defaultValue = "false") boolean deleteHistory) {
        caller.requireOwner();
        return accounts.delete(caller.account(), username)
                .doOnNext(deleted -> events.publishEvent(new AccountDeleted(deleted.id(), deleted.username(),
                        deleteHistory)))
                .thenReturn(ResponseEntity.noContent().build());
    }
}
