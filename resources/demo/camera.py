"""Vigil's simulated RTSP camera: GStreamer's RTSP server with /cam1../camN on 127.0.0.1.

Run by /usr/bin/python3 (Debian's, which has gi). `vigil serve --demo N` (main/demo) and the media lab
(test/lab/camera.ts) start it; credentials come from the environment (CAMERA_USERNAME, CAMERA_PASSWORD) so
they never show in `ps`. Every path is a live moving test pattern, 640x360 at 25 fps, H.264 (x264, zero
latency, no B-frames), each path in its own colours and motion with its name burned in at the bottom left
(--label, "demo-{n}" by default: path /camN of `vigil serve --demo` is camera demo-N), a clock at the bottom
right and, for the lab, a machine-readable timecode strip whose geometry comes from test/lab/timecode.ts
through --timecode-* arguments (no strip without them). With --audio opus|pcmu every path also sends a live
440 Hz tone (Opus 48 kHz stereo, or G.711 mu-law 8 kHz). Prints "ready" on stdout once serving; exits on
SIGTERM or SIGINT. When a Debian package it needs is missing it prints "missing-packages: <names>" on stderr
and exits with code 3.

With --scene-control DIR it also serves /scene1../sceneN for motion detection tests: a STATIC textured scene (a
still grid of coloured tiles with edges and circles, drawn once), the same label, clock and timecode strip, and
a moving object (a white square with a black core and rim, crossing the frame) that is drawn only while the file DIR/sceneN holds "on" (absent
or anything else: off). The file is read every 20 ms, so a switch shows within a frame or two.
"""

import argparse
import math
import os
import signal
import sys
import time

# Which Debian package holds each GStreamer element of the pipeline.
ELEMENT_PACKAGES = {
    "videotestsrc": "gstreamer1.0-plugins-base",
    "videoconvert": "gstreamer1.0-plugins-base",
    "cairooverlay": "gstreamer1.0-plugins-good",
    "clockoverlay": "gstreamer1.0-x",
    "textoverlay": "gstreamer1.0-x",
    "x264enc": "gstreamer1.0-plugins-ugly",
    "rtph264pay": "gstreamer1.0-plugins-good",
    "audiotestsrc": "gstreamer1.0-plugins-base",
    "audioconvert": "gstreamer1.0-plugins-base",
    "audioresample": "gstreamer1.0-plugins-base",
    "opusenc": "gstreamer1.0-plugins-base",
    "rtpopuspay": "gstreamer1.0-plugins-good",
    "mulawenc": "gstreamer1.0-plugins-good",
    "rtppcmupay": "gstreamer1.0-plugins-good",
}
EXIT_MISSING_PACKAGES = 3

try:
    import gi

    gi.require_version("Gst", "1.0")
    gi.require_version("GstRtsp", "1.0")
    gi.require_version("GstRtspServer", "1.0")
    from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402
    import cairo  # noqa: E402  (python3-cairo, with python3-gi-cairo: the scene paths draw with it)
except (ImportError, ValueError) as error:
    GI_ERROR = error
else:
    GI_ERROR = None


def missing_packages():
    """The Debian packages this camera needs that are not installed (empty when all are)."""
    if GI_ERROR is not None:
        if isinstance(GI_ERROR, ImportError) and GI_ERROR.name == "gi":
            return ["python3-gi", "gir1.2-gstreamer-1.0", "gir1.2-gst-rtsp-server-1.0"]
        if isinstance(GI_ERROR, ImportError) and GI_ERROR.name == "cairo":
            return ["python3-gi-cairo"]
        return ["gir1.2-gstreamer-1.0", "gir1.2-gst-plugins-base-1.0", "gir1.2-gst-rtsp-server-1.0"]
    Gst.init(None)
    return sorted({pkg for name, pkg in ELEMENT_PACKAGES.items() if Gst.ElementFactory.find(name) is None})


ROLE = "lab-viewer"


def parse_args():
    parser = argparse.ArgumentParser(description="Vigil's simulated RTSP camera (demo and media lab)")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--cameras", type=int, default=1)
    parser.add_argument("--auth", choices=["digest", "basic", "none"], default="digest")
    parser.add_argument("--keyframe-interval", type=int, default=50)
    parser.add_argument("--audio", choices=["none", "opus", "pcmu"], default="none")
    parser.add_argument("--label", default="demo-{n}", help="name burned into path /camN ({n} is N)")
    parser.add_argument("--timecode-x", type=int, default=0)
    parser.add_argument("--timecode-y", type=int, default=0)
    parser.add_argument("--timecode-block", type=int, default=0)
    parser.add_argument("--timecode-bits", type=int, default=0)
    parser.add_argument("--scene-control", default="", help="serve /sceneN, object on while DIR/sceneN says on")
    return parser.parse_args()


def draw_timecode(args):
    """A cairooverlay draw callback: the wall-clock ms (mod 2^bits) as blocks, then their complement."""
    x0, y0, size, bits = args.timecode_x, args.timecode_y, args.timecode_block, args.timecode_bits

    def draw(_overlay, context, _timestamp, _duration):
        value = int(time.time() * 1000) % (1 << bits)
        for row in (0, 1):
            for i in range(bits):
                bit = (value >> (bits - 1 - i)) & 1
                white = bit if row == 0 else 1 - bit
                context.set_source_rgb(white, white, white)
                context.rectangle(x0 + i * size, y0 + row * size, size, size)
                context.fill()

    return draw


# The audio branch per --audio: a live tone, encoded and payloaded as the second stream (pay1).
AUDIO_BRANCHES = {
    "none": "",
    "opus": (
        " audiotestsrc is-live=true wave=sine freq=440 volume=0.3 ! audioconvert ! audioresample "
        "! audio/x-raw,rate=48000,channels=2 ! opusenc bitrate=32000 ! rtpopuspay name=pay1 pt=111"
    ),
    "pcmu": (
        " audiotestsrc is-live=true wave=sine freq=440 volume=0.3 ! audioconvert ! audioresample "
        "! audio/x-raw,rate=8000,channels=1 ! mulawenc ! rtppcmupay name=pay1 pt=0"
    ),
}


# Each path's look, so cameras on a wall are told apart at a glance: background and ball colours (ARGB), then
# the ball's motion; paths past the palette reuse it with another motion.
PALETTE = [
    (0xFF12306B, 0xFFFFC107),  # navy, amber ball
    (0xFF14532D, 0xFFE0F2F1),  # green, white ball
    (0xFF5B1A1A, 0xFF4DD0E1),  # maroon, cyan ball
    (0xFF3B1F5C, 0xFFC6FF00),  # purple, lime ball
    (0xFF0F4C4C, 0xFFFF80AB),  # teal, pink ball
    (0xFF4A3B12, 0xFF90CAF9),  # brown, light blue ball
    (0xFF263238, 0xFFFF7043),  # slate, orange ball
    (0xFF4A1040, 0xFFFFEB3B),  # plum, yellow ball
]
MOTIONS = ["wavy", "sweep", "hsweep"]


def path_look(index):
    """The videotestsrc properties of path /cam<index> (1-based): its colours and the ball's motion."""
    look, round_ = (index - 1) % len(PALETTE), (index - 1) // len(PALETTE)
    background, ball = PALETTE[look]
    motion = MOTIONS[(look + round_) % len(MOTIONS)]
    return f"background-color={background} foreground-color={ball} motion={motion}"


def path_label(args, index):
    """The name burned into path /cam<index>, safe inside the launch string's quotes."""
    return args.label.replace("{n}", str(index)).replace('"', "").replace("\\", "")


VIDEO_CAPS = "video/x-raw,width=640,height=360,framerate=25/1"
WIDTH, HEIGHT = 640, 360
SCENE_TILE = 40  # px: the static scene is a grid of tiles this size
OBJECT_SIZE = 96  # px: the moving object's side (4 % of the frame)
OBJECT_SPEED = 240  # px per second, bouncing left and right across the middle of the frame
SCENE_POLL_MS = 20


class SceneControl:
    """Whether each /sceneN's moving object is on: DIR/sceneN holding "on", read every SCENE_POLL_MS."""

    def __init__(self, directory, count):
        self.directory = directory
        self.count = count
        self.since = {}  # index -> time.monotonic() when its object appeared

    def on_since(self, index):
        """When path /scene<index>'s object appeared (monotonic seconds), or None while it is off."""
        return self.since.get(index)

    def poll(self):
        """Reads every control file once; a GLib timeout callback (returns True to keep polling)."""
        for index in range(1, self.count + 1):
            try:
                with open(os.path.join(self.directory, f"scene{index}"), encoding="utf-8") as control:
                    on = control.read().strip() == "on"
            except OSError:
                on = False
            if on and index not in self.since:
                self.since[index] = time.monotonic()
            elif not on:
                self.since.pop(index, None)
        return True


def scene_texture(index):
    """The still scene of /scene<index>: tiles in varied colours, each with a circle and a diagonal (drawn once)."""
    surface = cairo.ImageSurface(cairo.FORMAT_RGB24, WIDTH, HEIGHT)
    context = cairo.Context(surface)
    context.set_line_width(3)
    for row in range(math.ceil(HEIGHT / SCENE_TILE)):
        for col in range(WIDTH // SCENE_TILE):
            x, y = col * SCENE_TILE, row * SCENE_TILE
            hue = ((col * 37 + row * 91 + index * 53) % 360) / 360
            shade = 0.35 + 0.5 * (((col * 7 + row * 13 + index) % 5) / 4)
            context.set_source_rgb(*hsv(hue, 0.55, shade))
            context.rectangle(x, y, SCENE_TILE, SCENE_TILE)
            context.fill()
            context.set_source_rgb(*hsv((hue + 0.5) % 1, 0.4, 1 - shade / 2))
            context.arc(x + SCENE_TILE / 2, y + SCENE_TILE / 2, SCENE_TILE / 4, 0, 2 * math.pi)
            context.fill()
            context.set_source_rgb(0.1, 0.1, 0.1)
            context.move_to(x, y + SCENE_TILE if (col + row) % 2 else y)
            context.line_to(x + SCENE_TILE, y if (col + row) % 2 else y + SCENE_TILE)
            context.stroke()
    surface.flush()
    return surface


def hsv(hue, saturation, value):
    """An (r, g, b) triple in 0..1 from hue, saturation and value in 0..1."""
    i, f = int(hue * 6) % 6, hue * 6 - int(hue * 6)
    p, q, t = value * (1 - saturation), value * (1 - saturation * f), value * (1 - saturation * (1 - f))
    return [(value, t, p), (q, value, p), (p, value, t), (p, q, value), (t, p, value), (value, p, q)][i]


def object_position(seconds):
    """Where the moving object's top-left corner is `seconds` after it appeared: bouncing along the middle."""
    span = WIDTH - OBJECT_SIZE - 2 * SCENE_TILE
    travel = (seconds * OBJECT_SPEED) % (2 * span)
    offset = travel if travel <= span else 2 * span - travel
    return SCENE_TILE + offset, (HEIGHT - OBJECT_SIZE) / 2


def draw_scene(index, control):
    """A cairooverlay draw callback: the still scene of /scene<index>, and its object while it is on."""
    texture = scene_texture(index)

    def draw(_overlay, context, _timestamp, _duration):
        context.set_source_surface(texture, 0, 0)
        context.paint()
        since = control.on_since(index)
        if since is None:
            return
        # White with a black core and rim: it stands out in brightness (what motion detection sees) on any tile.
        x, y = object_position(time.monotonic() - since)
        context.set_source_rgb(1, 1, 1)
        context.rectangle(x, y, OBJECT_SIZE, OBJECT_SIZE)
        context.fill_preserve()
        context.set_source_rgb(0, 0, 0)
        context.set_line_width(6)
        context.stroke()
        core = OBJECT_SIZE / 3
        context.rectangle(x + core, y + core, core, core)
        context.fill()

    return draw


def make_factory(args, index, scene=None):
    """The media factory of /cam<index>, or of /scene<index> when `scene` (a SceneControl) is given."""
    source = (
        f"videotestsrc is-live=true pattern=ball {path_look(index)} ! {VIDEO_CAPS} ! videoconvert"
        if scene is None
        else f"videotestsrc is-live=true pattern=black ! {VIDEO_CAPS} ! videoconvert ! cairooverlay name=scene"
    )
    launch = (
        f"( {source} ! cairooverlay name=timecode "
        f"! textoverlay text=\"{path_label(args, index)}{'' if scene is None else ' scene'}\" valignment=bottom "
        "halignment=left "
        "font-desc=\"Sans Bold 24\" shaded-background=true "
        "! clockoverlay valignment=bottom halignment=right font-desc=\"Sans 18\" "
        "! videoconvert ! video/x-raw,format=I420 "
        f"! x264enc tune=zerolatency speed-preset=ultrafast key-int-max={args.keyframe_interval} bframes=0 threads=1 "
        "! rtph264pay name=pay0 pt=96 config-interval=-1"
        f"{AUDIO_BRANCHES[args.audio]} )"
    )
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(launch)
    factory.set_shared(True)
    draws = {"timecode": draw_timecode(args)}
    if scene is not None:
        draws["scene"] = draw_scene(index, scene)

    def configure(_factory, media):
        element = media.get_element()
        for name, draw in draws.items():
            element.get_by_name(name).connect("draw", draw)

    factory.connect("media-configure", configure)
    if args.auth != "none":
        role = Gst.Structure.from_string(
            f"{ROLE}, media.factory.access=(boolean)true, media.factory.construct=(boolean)true"
        )[0]
        factory.add_role_from_structure(role)
    return factory


def make_auth(args):
    username = os.environ.get("CAMERA_USERNAME", "")
    password = os.environ.get("CAMERA_PASSWORD", "")
    if not username or not password:
        sys.exit("camera.py: set CAMERA_USERNAME and CAMERA_PASSWORD (or use --auth none)")
    auth = GstRtspServer.RTSPAuth()
    token = GstRtspServer.RTSPToken()
    # The role must be set with set_string: editing token.writable_structure() silently does nothing.
    token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, ROLE)
    if args.auth == "digest":
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
        auth.add_digest(username, password, token)
    else:
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.BASIC)
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic(username, password), token)
    return auth


def main():
    args = parse_args()
    missing = missing_packages()
    if missing:
        print(f"missing-packages: {' '.join(missing)}", file=sys.stderr, flush=True)
        sys.exit(EXIT_MISSING_PACKAGES)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    if args.auth != "none":
        server.set_auth(make_auth(args))
    mounts = server.get_mount_points()
    for index in range(1, args.cameras + 1):
        mounts.add_factory(f"/cam{index}", make_factory(args, index))
    if args.scene_control:
        scene = SceneControl(args.scene_control, args.cameras)
        scene.poll()
        GLib.timeout_add(SCENE_POLL_MS, scene.poll)
        for index in range(1, args.cameras + 1):
            mounts.add_factory(f"/scene{index}", make_factory(args, index, scene))

    loop = GLib.MainLoop()
    if server.attach(None) == 0:
        sys.exit(f"camera.py: cannot listen on 127.0.0.1:{args.port} (port in use?)")
    for signum in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_HIGH, signum, loop.quit)
    print("ready", flush=True)
    # Nobody reads stdout after "ready" (the lab may have exited): keep later writes from breaking the pipe.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    loop.run()


if __name__ == "__main__":
    main()
