// Dear ImGui build options for stonks-oracle (IMGUI_USER_CONFIG).
#pragma once

// Blotters and charts can pass 64k vertices in one draw list.
#define ImDrawIdx unsigned int
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
