# generated — do not edit: compiled from forms/deactivate_dialog.ui by build_scripts/compile_forms.py
# source-sha256: 1fb1768c053d85839cce7392641582d904e4d763d1e97975c87294c03f854add
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'deactivate_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

class Ui_DeactivateDialog(object):
    def setupUi(self, DeactivateDialog):
        if not DeactivateDialog.objectName():
            DeactivateDialog.setObjectName(u"DeactivateDialog")
        DeactivateDialog.resize(440, 200)
        self.mainLayout = QVBoxLayout(DeactivateDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.lblUnit = QLabel(DeactivateDialog)
        self.lblUnit.setObjectName(u"lblUnit")
        self.lblUnit.setWordWrap(True)

        self.mainLayout.addWidget(self.lblUnit)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.lblLastDay = QLabel(DeactivateDialog)
        self.lblLastDay.setObjectName(u"lblLastDay")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lblLastDay)

        self.lastDate = QDateEdit(DeactivateDialog)
        self.lastDate.setObjectName(u"lastDate")
        self.lastDate.setCalendarPopup(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.lastDate)


        self.mainLayout.addLayout(self.formLayout)

        self.lblNote = QLabel(DeactivateDialog)
        self.lblNote.setObjectName(u"lblNote")
        self.lblNote.setWordWrap(True)

        self.mainLayout.addWidget(self.lblNote)

        self.lblError = QLabel(DeactivateDialog)
        self.lblError.setObjectName(u"lblError")
        self.lblError.setWordWrap(True)

        self.mainLayout.addWidget(self.lblError)

        self.buttonBox = QDialogButtonBox(DeactivateDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.lblLastDay.setBuddy(self.lastDate)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DeactivateDialog)
    # setupUi

    def retranslateUi(self, DeactivateDialog):
        DeactivateDialog.setWindowTitle(QCoreApplication.translate("DeactivateDialog", u"Ng\u1eebng ho\u1ea1t \u0111\u1ed9ng", None))
        self.lblUnit.setText("")
        self.lblLastDay.setText(QCoreApplication.translate("DeactivateDialog", u"&Ng\u00e0y cu\u1ed1i c\u00f9ng ho\u1ea1t \u0111\u1ed9ng:", None))
        self.lastDate.setDisplayFormat(QCoreApplication.translate("DeactivateDialog", u"dd/MM/yyyy", None))
        self.lblNote.setText(QCoreApplication.translate("DeactivateDialog", u"\u0110\u01a1n v\u1ecb kh\u00f4ng ph\u1ea3i n\u1ed9p b\u00e1o c\u00e1o cho c\u00e1c k\u1ef3 c\u00f3 h\u1ea1n n\u1ed9p sau ng\u00e0y n\u00e0y. C\u00e1c b\u00e1o c\u00e1o \u0111\u00e3 n\u1ed9p v\u1eabn \u0111\u01b0\u1ee3c gi\u1eef v\u00e0 v\u1eabn c\u00f3 trong b\u00e1o c\u00e1o t\u1ed5ng h\u1ee3p c\u1ee7a c\u00e1c k\u1ef3 tr\u01b0\u1edbc.", None))
        self.lblError.setText("")
    # retranslateUi

