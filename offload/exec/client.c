/* offload exec: the thin client behind tc, ip, ethtool, bpftool (and the modprobe, udevadm,
 * mount stubs) inside an `offload exec` sandbox.
 *
 * It sends its argv, its working directory, $OFFLOAD_NETNS and its mount namespace to the
 * sandbox's emulator over the Unix socket named by $OFFLOAD_EXEC_SOCK, or when a rig cleared
 * the environment (tdc runs its commands with an empty one), the .offload-exec.sock link next
 * to the client's own path (/usr/sbin/.offload-exec.sock through the sandbox's overlay), then
 * either writes back the command's stdout/stderr and exits with its status, or, for
 * `ip netns exec NS CMD...`, executes CMD with the environment the server names. Before that
 * exec it enters a mount namespace of its own and registers it for NS, so that CMD and all
 * it starts speak for NS even if they empty their environment (as `ip netns exec` puts CMD
 * in a network namespace that no environment change leaves).
 *
 * Wire format (all integers little-endian u32):
 *   request:  nfields, then nfields x (len, bytes): cwd, netns, mntns, argv[0], argv[1], ...
 *             (argv[0] "\001register" with argv[1] NS registers the sender's mntns for NS)
 *   response: kind (0 = result, 1 = exec), rc, outlen, errlen, out, err
 *             for exec: out = argv as NUL-terminated strings, err = K=V NUL-terminated
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define SOCK_LINK ".offload-exec.sock"
#define MAX_FIELDS 4096

static int write_all(int fd, const char *buf, size_t n)
{
	while (n) {
		ssize_t w = write(fd, buf, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

static int read_all(int fd, char *buf, size_t n)
{
	while (n) {
		ssize_t r = read(fd, buf, n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (r == 0)
			return -1;
		buf += r;
		n -= (size_t)r;
	}
	return 0;
}

static void put_u32(char *p, uint32_t v)
{
	p[0] = (char)(v & 0xff);
	p[1] = (char)((v >> 8) & 0xff);
	p[2] = (char)((v >> 16) & 0xff);
	p[3] = (char)((v >> 24) & 0xff);
}

static uint32_t get_u32(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	return (uint32_t)u[0] | ((uint32_t)u[1] << 8) | ((uint32_t)u[2] << 16) |
	       ((uint32_t)u[3] << 24);
}

static int fail(const char *what, const char *path)
{
	fprintf(stderr, "offload exec: %s %s: %s\n", what, path, strerror(errno));
	return 127;
}

struct reply {
	uint32_t kind, outlen, errlen;
	int32_t rc;
	char *body; /* out then err, NUL-terminated */
};

/* One request/response; 0 on success, else the status to exit with. */
static int call(const char *sock, size_t nfields, const char **fields, struct reply *rep)
{
	struct sockaddr_un addr;
	size_t total = 4, i;
	char *req, *p, head[16];
	int fd;

	for (i = 0; i < nfields; i++)
		total += 4 + strlen(fields[i]);
	req = malloc(total);
	if (!req)
		return 127;
	put_u32(req, (uint32_t)nfields);
	p = req + 4;
	for (i = 0; i < nfields; i++) {
		size_t n = strlen(fields[i]);
		put_u32(p, (uint32_t)n);
		memcpy(p + 4, fields[i], n);
		p += 4 + n;
	}
	if (strlen(sock) >= sizeof(addr.sun_path)) {
		fprintf(stderr, "offload exec: socket path too long: %s\n", sock);
		return 127;
	}
	memset(&addr, 0, sizeof(addr));
	addr.sun_family = AF_UNIX;
	strcpy(addr.sun_path, sock);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return fail("socket", sock);
	if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0)
		return fail("cannot reach the emulator at", sock);
	if (write_all(fd, req, total) < 0 || read_all(fd, head, 16) < 0)
		return fail("lost the emulator at", sock);
	free(req);
	rep->kind = get_u32(head);
	rep->rc = (int32_t)get_u32(head + 4);
	rep->outlen = get_u32(head + 8);
	rep->errlen = get_u32(head + 12);
	rep->body = malloc((size_t)rep->outlen + rep->errlen + 1);
	if (!rep->body || read_all(fd, rep->body, (size_t)rep->outlen + rep->errlen) < 0)
		return fail("lost the emulator at", sock);
	close(fd);
	rep->body[rep->outlen + rep->errlen] = 0;
	return 0;
}

static void read_mntns(char *buf, size_t size)
{
	ssize_t n = readlink("/proc/self/ns/mnt", buf, size - 1);
	buf[n > 0 ? n : 0] = 0;
}

int main(int argc, char **argv)
{
	const char *sock = getenv("OFFLOAD_EXEC_SOCK");
	const char *ns = getenv("OFFLOAD_NETNS");
	char cwd[4096], exe[4096], mntns[64];
	const char *fields[MAX_FIELDS];
	size_t nfields = 0, i;
	struct reply rep;
	int err;

	if (!sock || !*sock) {
		ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - sizeof(SOCK_LINK) - 1);
		char *slash;
		if (n <= 0)
			n = 0;
		exe[n] = 0;
		slash = strrchr(exe, '/');
		if (slash)
			strcpy(slash + 1, SOCK_LINK);
		else
			strcpy(exe, SOCK_LINK);
		sock = exe;
	}
	if (!getcwd(cwd, sizeof(cwd)))
		cwd[0] = 0;
	read_mntns(mntns, sizeof(mntns));
	if (argc > MAX_FIELDS - 4) {
		fprintf(stderr, "offload exec: too many arguments\n");
		return 127;
	}
	fields[nfields++] = cwd;
	fields[nfields++] = ns ? ns : "";
	fields[nfields++] = mntns;
	for (i = 0; i < (size_t)argc; i++)
		fields[nfields++] = argv[i];
	err = call(sock, nfields, fields, &rep);
	if (err)
		return err;

	if (rep.kind == 1) {
		/* exec: out holds the argv, err the environment to add */
		char *args[MAX_FIELDS];
		const char *netns = NULL;
		size_t n = 0;
		char *q = rep.body, *end = rep.body + rep.outlen;
		while (q < end && n < MAX_FIELDS - 1) {
			args[n++] = q;
			q += strlen(q) + 1;
		}
		args[n] = NULL;
		q = rep.body + rep.outlen;
		end = q + rep.errlen;
		while (q < end) {
			char *eq = strchr(q, '=');
			size_t len = strlen(q);
			if (eq) {
				*eq = 0;
				setenv(q, eq + 1, 1);
				if (!strcmp(q, "OFFLOAD_NETNS"))
					netns = eq + 1;
			}
			q += len + 1;
		}
		if (n == 0)
			return 127;
		if (netns && unshare(CLONE_NEWNS) == 0) {
			/* a mount namespace of our own names the network namespace we are in */
			const char *reg[5];
			struct reply ack;
			read_mntns(mntns, sizeof(mntns));
			reg[0] = cwd;
			reg[1] = netns;
			reg[2] = mntns;
			reg[3] = "\001register";
			reg[4] = netns;
			err = call(sock, 5, reg, &ack);
			if (err)
				return err;
		}
		execvp(args[0], args);
		fprintf(stderr, "exec of \"%s\" failed: %s\n", args[0], strerror(errno));
		return 255;
	}
	if (write_all(1, rep.body, rep.outlen) < 0 ||
	    write_all(2, rep.body + rep.outlen, rep.errlen) < 0)
		return 1;
	return rep.rc;
}
