// The browser client's entry: a WebGL2 context through GLFW, ImGui on it, then the frame
// loop handed to the browser. Input does not go through GLFW: js/shell.js feeds it.
#include <GLFW/glfw3.h>

#include <algorithm>

#include "app.hpp"
#include "backends/imgui_impl_opengl3.h"
#include "imgui.h"

int main() {
    using namespace yishi::web;
    auto* app = new App;  // lives as long as the page
    platform_start(app->inbox);
    // The font, the catalog and the session are asked for first: they download while the GL
    // context and ImGui's shaders are made.
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    start(*app);

    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    const Viewport& vp = app->inbox.viewport;
    GLFWwindow* window = glfwCreateWindow(std::max(1, vp.fb_width), std::max(1, vp.fb_height),
                                          "Yishi", nullptr, nullptr);
    if (!window) return 1;
    glfwMakeContextCurrent(window);

    ImGui_ImplOpenGL3_Init("#version 300 es");
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    platform_run([app] { frame(*app); });
}
