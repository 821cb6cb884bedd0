# generated — do not edit: compiled from forms/office_dialog.ui by build_scripts/compile_forms.py
# source-sha256: 6a3d3d79f139d08bd68d7125d450236db063a3bdbd7884ccef9cb4c34baf0c39
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'office_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

class Ui_OfficeDialog(object):
    def setupUi(self, OfficeDialog):
        if not OfficeDialog.objectName():
            OfficeDialog.setObjectName(u"OfficeDialog")
        OfficeDialog.resize(600, 520)
        self.mainLayout = QVBoxLayout(OfficeDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.lblIntro = QLabel(OfficeDialog)
        self.lblIntro.setObjectName(u"lblIntro")
        self.lblIntro.setWordWrap(True)

        self.mainLayout.addWidget(self.lblIntro)

        self.formHost = QWidget(OfficeDialog)
        self.formHost.setObjectName(u"formHost")
        self.formHostLayout = QVBoxLayout(self.formHost)
        self.formHostLayout.setObjectName(u"formHostLayout")
        self.formHostLayout.setContentsMargins(0, 0, 0, 0)

        self.mainLayout.addWidget(self.formHost)

        self.lblError = QLabel(OfficeDialog)
        self.lblError.setObjectName(u"lblError")
        self.lblError.setWordWrap(True)

        self.mainLayout.addWidget(self.lblError)

        self.buttonBox = QDialogButtonBox(OfficeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(OfficeDialog)
    # setupUi

    def retranslateUi(self, OfficeDialog):
        OfficeDialog.setWindowTitle(QCoreApplication.translate("OfficeDialog", u"Th\u00f4ng tin c\u01a1 quan", None))
        self.lblIntro.setText(QCoreApplication.translate("OfficeDialog", u"C\u00e1c th\u00f4ng tin n\u00e0y in \u1edf \u0111\u1ea7u v\u00e0 cu\u1ed1i b\u00e1o c\u00e1o g\u1eedi c\u1ea5p tr\u00ean (th\u1ec3 th\u1ee9c theo Ngh\u1ecb \u0111\u1ecbnh 30/2020/N\u0110-CP).", None))
        self.lblError.setText("")
    # retranslateUi

