package dev.minstrel.server.api;

import dev.minstrel.server.MinstrelApplicationTest;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A real server for one test class, with helpers to make its users through the API itself. */
public final class ApiTestServer implements AutoCloseable {

    public static final String OWNER = "owner";
    public static final String OWNER_PASSWORD = "owner-password-1";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    public final ConfigurableApplicationContext context;
    public final int port;

    public ApiTestServer(Path dir, String... settings) {
        this(dir, null, settings);
    }

    /** @param clock the application's clock, or null for the real one */
    public ApiTestServer(Path dir, Clock clock, String... settings) {
        String[] all = new String[settings.length + 1];
        all[0] = "--minstrel.owner.password=" + OWNER_PASSWORD;
        System.arraycopy(settings, 0, all, 1, settings.length);
        this.context = MinstrelApplicationTest.start(dir, clock, all);
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** A visitor from an address of its own, so throttling in one test cannot touch another. */
    public Visitor visitor() {
        int n = ADDRESSES.incrementAndGet();
        return new Visitor(port).from("198.51.100." + (n % 250 + 1));
    }

    public Visitor owner() {
        Visitor owner = visitor();
        Visitor.Reply reply = owner.login(OWNER, OWNER_PASSWORD);
        if (reply.status() != 200) {
            throw new AssertionError("owner login failed: " + reply);
        }
        return owner;
    }

    /** A friend signed up through an invite the owner made, logged in by that sign-up. */
    public Visitor friend(String username, String password) {
        String code = owner().post("/api/invites", Map.of("note", "for " + username)).json("$.code");
        Visitor friend = visitor();
        Visitor.Reply reply = friend.post("/api/auth/signup",
                Map.of("inviteCode", code, "username", username, "password", password));
        if (reply.status() != 201) {
            throw new AssertionError("sign-up failed: " + reply);
        }
        return friend;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
