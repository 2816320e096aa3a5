#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/socket.h>
#include <errno.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/vfs.h>
#include <stdio.h>
#endif
#include "CSocketShims.h"

int newslens_accept_nonblocking(int fd, struct sockaddr *address, socklen_t *length) {
#if defined(__linux__)
    return accept4(fd, address, length, SOCK_NONBLOCK | SOCK_CLOEXEC);
#else
    int client = accept(fd, address, length);
    if (client >= 0) {
        fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK);
        fcntl(client, F_SETFD, FD_CLOEXEC);
    }
    return client;
#endif
}

#if defined(__linux__)
static int write_all(int fd, const char *p, long left) {
    while (left > 0) {
        ssize_t n = write(fd, p, (size_t)left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        p += n;
        left -= n;
    }
    return 0;
}

// An unnamed file in `directory` (O_TMPFILE) holding the bytes, reopened read-only through /proc so the
// descriptor we keep cannot change them; -1 when the filesystem, /proc or the disk refuses.
static int read_only_temporary_file(const char *directory, const void *bytes, long count) {
    int fd = open(directory, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0) return -1;
    if (write_all(fd, bytes, count) != 0) {
        close(fd);
        return -1;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    int reader = open(path, O_RDONLY | O_CLOEXEC);
    close(fd);
    return reader;
}
#endif

int newslens_body_file(const char *directory, const void *bytes, long count) {
#if defined(__linux__)
    if (directory != NULL) {
        int fd = read_only_temporary_file(directory, bytes, count);
        if (fd >= 0) return fd;
    }
    int fd = memfd_create("newslens-body", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0) return -1;
    if (write_all(fd, bytes, count) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    // Sealed: nothing can change the bytes or the size any more, so every sendfile sends exactly them.
    (void)fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL);
    return fd;
#else
    (void)directory; (void)bytes; (void)count;
    errno = ENOSYS;
    return -1;
#endif
}

int newslens_is_tmpfs(const char *directory) {
#if defined(__linux__)
    struct statfs info;
    if (statfs(directory, &info) != 0) return 0;
    return info.f_type == 0x01021994;  // TMPFS_MAGIC: the same shared memory as a memfd
#else
    (void)directory;
    return 0;
#endif
}

long newslens_sendfile(int out_fd, int in_fd, long *offset, long count) {
#if defined(__linux__)
    off_t position = (off_t)*offset;
    ssize_t n = sendfile(out_fd, in_fd, &position, (size_t)count);
    if (n > 0) *offset = (long)position;
    return (long)n;
#else
    (void)out_fd; (void)in_fd; (void)offset; (void)count;
    errno = ENOSYS;
    return -1;
#endif
}
