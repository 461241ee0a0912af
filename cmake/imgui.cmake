# Dear ImGui 1.86 from Debian's source package (scripts/fetch-imgui puts it in
# .deps/imgui). `imgui`: the core, no backend -- what imgui_ui and its native
# tests and benchmarks link. `imgui_backend_web`: GLFW + OpenGL ES 3 backends,
# for the browser build only.
set(STONKS_IMGUI_DIR ${PROJECT_SOURCE_DIR}/.deps/imgui CACHE PATH "Dear ImGui source tree")
if(NOT EXISTS ${STONKS_IMGUI_DIR}/imgui.cpp)
  message(FATAL_ERROR "Dear ImGui sources not found in ${STONKS_IMGUI_DIR}: run scripts/setup (it fetches them)")
endif()

add_library(imgui STATIC
  ${STONKS_IMGUI_DIR}/imgui.cpp
  ${STONKS_IMGUI_DIR}/imgui_draw.cpp
  ${STONKS_IMGUI_DIR}/imgui_tables.cpp
  ${STONKS_IMGUI_DIR}/imgui_widgets.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${STONKS_IMGUI_DIR} ${PROJECT_SOURCE_DIR}/cmake/imgui)
# Our imconfig: 32-bit draw indices (big tables), no obsolete API.
target_compile_definitions(imgui PUBLIC IMGUI_USER_CONFIG="stonks_imconfig.h")
if(NOT EMSCRIPTEN)
  target_compile_options(imgui PRIVATE -w)  # third-party code: its warnings are not ours to fix
endif()

if(EMSCRIPTEN)
  add_library(imgui_backend_web STATIC
    ${STONKS_IMGUI_DIR}/backends/imgui_impl_glfw.cpp
    ${STONKS_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
  target_include_directories(imgui_backend_web SYSTEM PUBLIC ${STONKS_IMGUI_DIR}/backends)
  target_compile_definitions(imgui_backend_web PUBLIC IMGUI_IMPL_OPENGL_ES3)
  target_compile_options(imgui_backend_web PRIVATE -sUSE_GLFW=3)
  target_link_libraries(imgui_backend_web PUBLIC imgui)
endif()
