// The monthly needs report (群众需求月报): placeholder.
#pragma once
