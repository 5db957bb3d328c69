package io.cascadence.web.impl;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/** The decoded path below a servlet's prefix, split on '/'. */
final class Paths {

    private Paths() {
    }

    static List<String> below(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            return List.of();
        }
        return List.of(path.substring(1).split("/", -1));
    }
}
