#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/socket.h>
#include <errno.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/mman.h>
#include <sys/sendfile.h>
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

int newslens_memory_file(const void *bytes, long count) {
#if defined(__linux__)
    int fd = memfd_create("newslens-body", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0) return -1;
    const char *p = bytes;
    long left = count;
    while (left > 0) {
        ssize_t n = write(fd, p, (size_t)left);
        if (n < 0) {
            if (errno == EINTR) continue;
            int saved = errno;
            close(fd);
            errno = saved;
            return -1;
        }
        p += n;
        left -= n;
    }
    // Sealed: nothing can change the bytes or the size any more, so every sendfile sends exactly them.
    (void)fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL);
    return fd;
#else
    (void)bytes; (void)count;
    errno = ENOSYS;
    return -1;
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
