package dev.minstrel.server.api.web;

import dev.minstrel.server.accounts.invites.Invites;
import dev.minstrel.server.api.ApiException;
import dev.minstrel.server.api.Caller;
import io.nayuki.qrcodegen.QrCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * An invite's link as a QR code, for the owner to show a friend's phone: drawn here as SVG (a few
 * hundred bytes) so the page ships no QR library.
 */
@RestController
public class InviteQrController {

    /** Modules of light border the QR specification asks for around the code. */
    private static final int QUIET_ZONE = 4;

    private final Invites invites;
    private final ServerAddress address;

    public InviteQrController(Invites invites, ServerAddress address) {
        this.invites = invites;
        this.address = address;
    }

    @GetMapping("/api/invites/{code}/qr")
    public Mono<ResponseEntity<String>> qr(Caller caller, @PathVariable String code, ServerWebExchange exchange) {
        caller.requireOwner();
        return invites.find(code)
                .switchIfEmpty(Mono.error(ApiException.notFound("There is no invite " + code)))
                .map(invite -> ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                        .body(svg(QrCode.encodeText(address.of(exchange) + JoinController.joinPath(invite.code()), QrCode.Ecc.MEDIUM))));
    }

    /** The code as SVG: one path of dark modules on white, with the quiet zone around it. */
    public static String svg(QrCode qr) {
        int side = qr.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }
}
